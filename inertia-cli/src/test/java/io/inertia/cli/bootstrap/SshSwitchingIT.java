package io.inertia.cli.bootstrap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inertia.cli.output.Console;
import io.inertia.common.config.DaemonConfig;
import io.inertia.common.config.RemoteConfig;
import io.inertia.common.config.SshConfig;
import io.inertia.common.tls.CertificateFingerprints;
import io.inertia.daemon.tls.TlsMaterial;
import io.inertia.testenv.TestVps;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSH side of switching from the original, on a real sshd: the daemon certificate read over SSH for
 * pinning, and {@code inertia <remote> ssh <command…>} running the command and returning its status.
 */
class SshSwitchingIT {
  static TestVps vps;
  @TempDir static Path tmp;

  @BeforeAll
  static void start() {
    vps = TestVps.start("inertia-testvps:debian-bookworm");
  }

  @AfterAll
  static void stop() {
    if (vps != null) {
      vps.close();
    }
  }

  private static RemoteConfig remote() {
    return new RemoteConfig("v0.7.0", "old", vps.host(),
        new SshConfig(TestVps.ROOT, vps.privateKey().toString(), Integer.toString(vps.sshPort())),
        new DaemonConfig("4303", "", "", "s", false, ""), Map.of());
  }

  private static Console console() {
    return new Console(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()),
        new ByteArrayInputStream(new byte[0]), false, false, false, false);
  }

  @Test
  void certificateIsReadOverSshForPinning() throws Exception {
    TlsMaterial tls = io.inertia.daemon.tls.DaemonCertificates.ensure(tmp.resolve("ssl"), "203.0.113.7");
    Path cert = io.inertia.daemon.tls.DaemonCertificates.certFile(tmp.resolve("ssl"));
    String expected = CertificateFingerprints.sha256(tls.chain()[0]);
    String pem64 = Base64.getEncoder().encodeToString(Files.readString(cert).getBytes(UTF_8));
    vps.exec("mkdir -p ~/.inertia/ssl && echo " + pem64 + " | base64 -d > ~/.inertia/ssl/daemon.cert").check();
    SshRemoteOperations ops = new SshRemoteOperations(Map.of(), tmp.resolve("known_hosts"));
    assertEquals(expected, ops.daemonCertificateFingerprint(remote(), console()));
  }

  @Test
  void sshRunsTheCommandAndReturnsItsStatus() {
    SshRemoteOperations ops = new SshRemoteOperations(Map.of(), tmp.resolve("known_hosts"));
    assertEquals(0, ops.ssh(remote(), List.of("test", "-d", "/etc"), console()));
    assertEquals(3, ops.ssh(remote(), List.of("sh", "-c", "'exit 3'"), console()));
  }
}
