package io.inertia.cli.bootstrap;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * The pin of a daemon certificate: SHA-256 of its DER encoding as upper-case hex pairs joined by
 * colons ({@code AB:CD:…}), the format of {@code openssl x509 -noout -fingerprint -sha256} without
 * its prefix. Computed locally from the PEM read over SSH, so the VPS needs no openssl.
 */
public final class DaemonCertificates {
  private DaemonCertificates() {}

  /**
   * The fingerprint of the first certificate in {@code pem}.
   *
   * @throws CertificateException when {@code pem} holds no X.509 certificate
   */
  public static String fingerprint(String pem) throws CertificateException {
    X509Certificate cert =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    return fingerprint(cert);
  }

  /** The fingerprint of {@code cert}. */
  public static String fingerprint(X509Certificate cert) throws CertificateException {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
      StringBuilder b = new StringBuilder(d.length * 3);
      for (int i = 0; i < d.length; i++) {
        if (i > 0) {
          b.append(':');
        }
        b.append(String.format("%02X", d[i] & 0xff));
      }
      return b.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
