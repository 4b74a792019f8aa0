package io.inertia.cli.daemon;

import io.inertia.common.tls.CertificateFingerprints;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate: the leaf whose SHA-256 fingerprint is pinned in the remote
 * config. The pin is the trust anchor, so neither a CA chain nor the host name is checked (the daemon
 * certificate is self-signed and the remote may be reached under any address). Being an
 * {@link X509ExtendedTrustManager}, the JDK does not wrap it with its own host name check.
 */
final class PinnedTrustManager extends X509ExtendedTrustManager {
  private final String pinned;

  PinnedTrustManager(String pinned) {
    this.pinned = pinned;
  }

  private void check(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("daemon presented no certificate");
    }
    String actual = CertificateFingerprints.sha256(chain[0]);
    if (!CertificateFingerprints.matches(pinned, actual)) {
      throw new CertificateMismatchException(pinned, actual);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("client certificates are not used");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("client certificates are not used");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("client certificates are not used");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
