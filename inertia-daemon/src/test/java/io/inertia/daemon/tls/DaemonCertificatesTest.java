package io.inertia.daemon.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.common.tls.CertificateFingerprints;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonCertificatesTest {
  @TempDir Path dir;

  private static Set<String> sans(X509Certificate c) throws Exception {
    Set<String> out = new HashSet<>();
    for (List<?> san : c.getSubjectAlternativeNames()) {
      out.add(san.get(0) + ":" + san.get(1));
    }
    return out;
  }

  @Test
  void generatesOnceWithSansAndPrivateKeyFileAndReusesIt() throws Exception {
    TlsMaterial first = DaemonCertificates.ensure(dir, "203.0.113.7");
    X509Certificate cert = first.chain()[0];
    assertEquals(Set.of("7:203.0.113.7", "7:127.0.0.1", "2:localhost"), sans(cert));
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(DaemonCertificates.keyFile(dir))));
    assertTrue(Files.readString(DaemonCertificates.keyFile(dir)).startsWith("-----BEGIN " + "PRIVATE KEY-----"));
    long days = Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()).toDays();
    assertTrue(days >= 3649, "validity " + days);
    TlsMaterial again = DaemonCertificates.ensure(dir, "other.example");
    assertEquals(CertificateFingerprints.sha256(cert), CertificateFingerprints.sha256(again.chain()[0]));
  }

  @Test
  void hostNameBecomesDnsSan() throws Exception {
    X509Certificate cert = DaemonCertificates.ensure(dir, "vps.example.org").chain()[0];
    assertEquals(Set.of("2:vps.example.org", "2:localhost", "7:127.0.0.1"), sans(cert));
  }

  @Test
  void loadsUserSuppliedPkcs1Key() throws Exception {
    // What the Go original writes: an RSA key as PKCS#1 ("RSA PRIVATE KEY" PEM) and its certificate.
    java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    java.security.KeyPair pair = rsa.generateKeyPair();
    java.nio.file.Files.createDirectories(DaemonCertificates.keyFile(dir).getParent());
    try (Writer w = Files.newBufferedWriter(DaemonCertificates.keyFile(dir));
        JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(pair.getPrivate());
    }
    try (Writer w = Files.newBufferedWriter(DaemonCertificates.certFile(dir));
        JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(DaemonCertificates.selfSigned(pair, "", "SHA256withRSA"));
    }
    assertTrue(Files.readString(DaemonCertificates.keyFile(dir)).startsWith("-----BEGIN " + "RSA PRIVATE KEY-----"));
    TlsMaterial loaded = DaemonCertificates.ensure(dir, "");
    assertEquals("RSA", loaded.privateKey().getAlgorithm());
    assertTrue(loaded.keyStore("pw".toCharArray()).isKeyEntry("daemon"));
  }

  @Test
  void onlyOneFilePresentIsAnError() throws Exception {
    Files.writeString(DaemonCertificates.certFile(dir), "x");
    TlsSetupException e = assertThrows(TlsSetupException.class, () -> DaemonCertificates.ensure(dir, ""));
    assertTrue(e.getMessage().contains("daemon.cert"), e.getMessage());
  }
}
