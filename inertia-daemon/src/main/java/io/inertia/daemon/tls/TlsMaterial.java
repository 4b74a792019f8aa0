package io.inertia.daemon.tls;

import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** The daemon's private key and certificate chain (leaf first). */
public record TlsMaterial(PrivateKey privateKey, X509Certificate[] chain) {
  /** An in-memory PKCS#12 key store holding the pair under alias {@code daemon} with {@code password}. */
  public KeyStore keyStore(char[] password) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("daemon", privateKey, password, chain);
      return ks;
    } catch (java.io.IOException | java.security.GeneralSecurityException e) {
      throw new TlsSetupException("cannot build the TLS key store: " + e.getMessage(), e);
    }
  }
}
