package io.inertia.cli.daemon;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How the CLI decides to trust a daemon (docs/deviations.md#security): the certificate fingerprint pinned in
 * {@code daemon.cert-fingerprint}, else the system trust store when {@code daemon.verify-ssl = true}.
 * With neither, nothing is trusted: the original's silent "skip verification" is gone.
 */
public final class DaemonTrust {
  private DaemonTrust() {}

  /** An SSL context that trusts only the pinned certificate. */
  public static SSLContext pinned(String fingerprint) {
    return context(new PinnedTrustManager(fingerprint));
  }

  /** The JDK default context (system CA store, host name checked). */
  public static SSLContext system() {
    try {
      return SSLContext.getDefault();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no default TLS context", e);
    }
  }

  private static SSLContext context(TrustManager tm) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {tm}, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create TLS context", e);
    }
  }

  /**
   * Connects once without trusting anything and returns the daemon's leaf certificate, so a user can
   * compare its fingerprint before pinning it ({@code remote login} on a new remote). No request is sent.
   *
   * @throws IOException when the daemon cannot be reached
   */
  public static X509Certificate fetchCertificate(String host, int port, int timeoutMillis) throws IOException {
    X509Certificate[][] seen = new X509Certificate[1][];
    X509ExtendedTrustManager capture =
        new X509ExtendedTrustManager() {
          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {
            seen[0] = chain;
          }

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            seen[0] = chain;
          }

          @Override
          public void checkServerTrusted(
              X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) {
            seen[0] = chain;
          }

          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

          @Override
          public void checkClientTrusted(
              X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext ctx = context(capture);
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(host, port), timeoutMillis);
      plain.setSoTimeout(timeoutMillis);
      try (SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(plain, host, port, false)) {
        tls.startHandshake();
        Certificate[] certs = tls.getSession().getPeerCertificates();
        if (certs.length > 0 && certs[0] instanceof X509Certificate x) {
          return x;
        }
      }
    }
    if (seen[0] != null && seen[0].length > 0) {
      return seen[0][0];
    }
    throw new IOException("daemon at " + host + ":" + port + " presented no certificate");
  }
}
