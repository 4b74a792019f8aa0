package io.inertia.cli.bootstrap;

import io.inertia.common.tls.CertificateFingerprints;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * The pin of the daemon certificate, computed locally from the PEM read over SSH (so the VPS needs no
 * openssl), in the format of {@link CertificateFingerprints}: {@code SHA256:AB:CD:…}.
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
                .generateCertificate(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    return CertificateFingerprints.sha256(cert);
  }
}
