package io.inertia.common.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * Certificate fingerprints in the one format the daemon logs and the CLI pins: {@code SHA256:} followed by the
 * SHA-256 digest of the DER certificate as upper-case hex pairs joined by colons, e.g. {@code SHA256:3A:5F:…} (95
 * hex/colon characters). It is what {@code openssl x509 -noout -fingerprint -sha256} prints after the {@code =}, so
 * an operator can compare the two by eye. Pure functions, thread-safe.
 */
public final class CertificateFingerprints {
  /** The prefix of every fingerprint string. */
  public static final String PREFIX = "SHA256:";

  private CertificateFingerprints() {}

  /** The fingerprint of {@code certificate} (see the class comment for the format). */
  public static String sha256(X509Certificate certificate) {
    try {
      return sha256(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
    }
  }

  /** The fingerprint of a DER-encoded certificate. */
  public static String sha256(byte[] derCertificate) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(derCertificate);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    StringBuilder sb = new StringBuilder(PREFIX.length() + digest.length * 3);
    sb.append(PREFIX);
    for (int i = 0; i < digest.length; i++) {
      if (i > 0) {
        sb.append(':');
      }
      sb.append(String.format(Locale.ROOT, "%02X", digest[i] & 0xff));
    }
    return sb.toString();
  }

  /**
   * True when both strings name the same fingerprint. Case and the optional {@code SHA256:} prefix are ignored, so
   * a fingerprint pasted from {@code openssl} output matches.
   */
  public static boolean matches(String expected, String actual) {
    return expected != null && actual != null && normalise(expected).equals(normalise(actual));
  }

  private static String normalise(String fingerprint) {
    String s = fingerprint.trim().toUpperCase(Locale.ROOT);
    if (s.startsWith(PREFIX)) {
      s = s.substring(PREFIX.length());
    }
    return s.replace(":", "");
  }
}
