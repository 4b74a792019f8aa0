package io.inertia.cli.daemon;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * SHA-256 certificate fingerprints as pinned in {@code daemon.cert-fingerprint}: the digest of the DER
 * encoding, upper-case hex pairs joined by colons ({@code AB:01:…}, 95 characters), the format
 * {@code keytool -list} and {@code openssl x509 -fingerprint -sha256} print.
 */
public final class Fingerprints {
  private Fingerprints() {}

  public static String sha256(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      StringBuilder sb = new StringBuilder(digest.length * 3);
      for (byte b : digest) {
        if (sb.length() > 0) {
          sb.append(':');
        }
        sb.append(String.format(Locale.ROOT, "%02X", b));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint certificate", e);
    }
  }

  /**
   * A fingerprint reduced to bare upper-case hex, so that {@code ab:01}, {@code AB01},
   * {@code SHA256:AB:01} and {@code sha256 Fingerprint=AB:01} compare equal.
   */
  public static String normalise(String fingerprint) {
    String s = fingerprint.trim();
    int eq = s.lastIndexOf('=');
    if (eq >= 0) {
      s = s.substring(eq + 1);
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("sha256:") || lower.startsWith("sha-256:")) {
      s = s.substring(s.indexOf(':') + 1);
    }
    return s.replace(":", "").replaceAll("\\s", "").toUpperCase(Locale.ROOT);
  }

  public static boolean matches(String pinned, X509Certificate certificate) {
    return normalise(pinned).equals(normalise(sha256(certificate)));
  }
}
