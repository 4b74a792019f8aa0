package io.inertia.daemon.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords as the original configures them (pquerna/otp defaults): HMAC-SHA1, 30 s
 * steps, 6 digits, accepted one step either side of now. Secrets are base32 strings. Pure functions, thread-safe;
 * replay protection (each code once) is the caller's, through {@link #matchingStep}.
 */
public final class Totp {
  /** Step length in seconds. */
  public static final int PERIOD_SECONDS = 30;

  private Totp() {}

  /** The 6-digit code of {@code base32Secret} at {@code time}. */
  public static String code(String base32Secret, Instant time) {
    return hotp(Base32.decode(base32Secret), Math.floorDiv(time.getEpochSecond(), PERIOD_SECONDS));
  }

  /** True when {@code code} is the code of the step at {@code now}, the one before or the one after. */
  public static boolean verify(String base32Secret, String code, Instant now) {
    return matchingStep(base32Secret, code, now, Long.MIN_VALUE) >= 0;
  }

  /**
   * The step (counter) whose code {@code code} is, among the step at {@code now}, the one before and the one after,
   * considering only steps after {@code lastUsedStep}; -1 when none matches. A verifier that records the returned
   * step and passes it back as {@code lastUsedStep} accepts each code once (RFC 6238 section 5.2).
   */
  public static long matchingStep(String base32Secret, String code, Instant now, long lastUsedStep) {
    if (code == null) {
      return -1;
    }
    String c = code.trim();
    if (!c.matches("\\d{6}")) {
      return -1;
    }
    byte[] key = Base32.decode(base32Secret);
    long step = Math.floorDiv(now.getEpochSecond(), PERIOD_SECONDS);
    long found = -1;
    for (long s = step - 1; s <= step + 1; s++) {
      // Compare every candidate in constant time; do not stop early.
      boolean equal = MessageDigest.isEqual(hotp(key, s).getBytes(), c.getBytes());
      if (equal && s > lastUsedStep) {
        found = s;
      }
    }
    return found;
  }

  /** A new random secret of {@code bytes} bytes, base32-encoded. */
  public static String newSecret(java.security.SecureRandom random, int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base32.encode(b);
  }

  /** RFC 4226 HOTP with HMAC-SHA1 and 6 digits. */
  static String hotp(byte[] key, long counter) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] msg = new byte[8];
      for (int i = 7; i >= 0; i--) {
        msg[i] = (byte) (counter & 0xff);
        counter >>>= 8;
      }
      byte[] h = mac.doFinal(msg);
      int offset = h[h.length - 1] & 0x0f;
      int bin =
          ((h[offset] & 0x7f) << 24)
              | ((h[offset + 1] & 0xff) << 16)
              | ((h[offset + 2] & 0xff) << 8)
              | (h[offset + 3] & 0xff);
      return String.format(Locale.ROOT, "%06d", bin % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is missing from this JVM", e);
    }
  }
}
