package io.inertia.daemon.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC signature and token checks. Every comparison is constant-time ({@link MessageDigest#isEqual}); the
 * original's error texts are kept (docs/original.md#webhooks).
 */
final class Signatures {
  static final String MISSING = "missing signature";
  static final String PARSE_ERROR = "error parsing signature";
  static final String UNKNOWN_PREFIX = "unknown hash type prefix";
  static final String MISMATCH = "payload signature check failed";
  static final String INVALID_TOKEN = "invalid webhook token";

  private Signatures() {}

  /**
   * Checks the {@code X-Hub-Signature-256} / {@code X-Hub-Signature} pair over the raw body.
   *
   * <p>{@code X-Hub-Signature-256} wins whenever it is present (GitHub sends both; the sha1 one is then ignored, so a
   * bad sha256 is never rescued by a good sha1). {@code X-Hub-Signature} alone may carry {@code sha1=} (GitHub, the
   * original) or {@code sha256=} (Bitbucket Cloud signs that way).
   *
   * @return null when the signature is valid, else the reason
   */
  static String verifyHub(String sig256, String sig1, byte[] body, String secret) {
    HubSignature sig = parseHub(sig256, sig1);
    if (sig.failure() != null) {
      return sig.failure();
    }
    return sig.matches(hmac(sig.algorithm(), secret, body)) ? null : MISMATCH;
  }

  /**
   * A parsed {@code X-Hub-Signature-256} / {@code X-Hub-Signature} header: the HMAC algorithm and the expected digest,
   * or the reason it cannot be checked ({@code failure} non-null).
   */
  record HubSignature(String algorithm, byte[] given, String failure) {
    boolean matches(byte[] computed) {
      return MessageDigest.isEqual(computed, given);
    }
  }

  /** Picks and parses the signature header as {@link #verifyHub} describes, without looking at the body. */
  static HubSignature parseHub(String sig256, String sig1) {
    String header;
    boolean from256;
    if (!Texts.isBlank(sig256)) {
      header = sig256.trim();
      from256 = true;
    } else if (!Texts.isBlank(sig1)) {
      header = sig1.trim();
      from256 = false;
    } else {
      return new HubSignature(null, null, MISSING);
    }
    int eq = header.indexOf('=');
    if (eq <= 0) {
      return new HubSignature(null, null, PARSE_ERROR);
    }
    String prefix = header.substring(0, eq).toLowerCase(Locale.ROOT);
    String algorithm;
    if (prefix.equals("sha256")) {
      algorithm = "HmacSHA256";
    } else if (prefix.equals("sha1") && !from256) {
      algorithm = "HmacSHA1";
    } else {
      return new HubSignature(null, null, UNKNOWN_PREFIX);
    }
    try {
      return new HubSignature(algorithm, HexFormat.of().parseHex(header.substring(eq + 1)), null);
    } catch (IllegalArgumentException e) {
      return new HubSignature(null, null, PARSE_ERROR);
    }
  }

  /** A {@link Mac} keyed with {@code secret}, for HMACs computed piece by piece. */
  static Mac mac(String algorithm, String secret) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK lacks " + algorithm, e);
    }
  }

  /** GitLab's {@code X-Gitlab-Token}: equal to the secret, compared without leaking length or content timing. */
  static String verifyToken(String token, String secret) {
    if (token == null) {
      return INVALID_TOKEN;
    }
    return MessageDigest.isEqual(sha256(token), sha256(secret)) ? null : INVALID_TOKEN;
  }

  /** The raw HMAC of {@code body}; {@code algorithm} is {@code HmacSHA256} or {@code HmacSHA1}. */
  static byte[] hmac(String algorithm, String secret, byte[] body) {
    return mac(algorithm, secret).doFinal(body);
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK lacks SHA-256", e);
    }
  }
}
