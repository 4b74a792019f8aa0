package io.inertia.cli.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonCertificatesTest {

  @Test
  void fingerprintMatchesOpenssl(@TempDir Path tmp) throws Exception {
    Path cert = tmp.resolve("daemon.cert");
    Path key = tmp.resolve("daemon.key");
    int rc =
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
            "-nodes", "-subj", "/CN=inertia", "-days", "1", "-keyout", key.toString(), "-out",
            cert.toString());
    Assumptions.assumeTrue(rc == 0, "openssl is needed for this cross-check");
    Process p =
        new ProcessBuilder("openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", cert.toString())
            .start();
    String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    p.waitFor(10, TimeUnit.SECONDS);
    // "sha256 Fingerprint=AB:CD:…" (the prefix's case differs between OpenSSL versions)
    String expected = line.substring(line.indexOf('=') + 1);
    String pem = Files.readString(cert);
    assertEquals("SHA256:" + expected, DaemonCertificates.fingerprint(pem));
    assertTrue(expected.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"));
  }

  @Test
  void garbageIsNotACertificate() {
    assertThrows(CertificateException.class, () -> DaemonCertificates.fingerprint("not a cert"));
  }

  private static int run(String... cmd) throws Exception {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (java.io.IOException e) {
      return -1;
    }
  }
}
