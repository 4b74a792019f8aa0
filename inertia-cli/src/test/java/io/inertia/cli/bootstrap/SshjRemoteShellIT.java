package io.inertia.cli.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.cli.ssh.ExecResult;
import io.inertia.cli.ssh.HostKeyChangedException;
import io.inertia.cli.ssh.RemoteShell;
import io.inertia.cli.ssh.RemoteShellException;
import io.inertia.cli.ssh.SshTarget;
import io.inertia.cli.ssh.SshjRemoteShell;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SshjRemoteShell} against a real OpenSSH server in a test VPS container (no Docker needed
 * inside): trust on first use, refusal of a changed host key, exec semantics, key handling.
 */
class SshjRemoteShellIT {
  private static final Duration T = Duration.ofSeconds(30);

  @TempDir static Path keys;
  static VpsContainer vps;

  @BeforeAll
  static void start() throws Exception {
    vps = VpsContainer.start(VpsContainer.IMAGE_WITHOUT_DOCKER, keys);
  }

  @AfterAll
  static void stop() {
    if (vps != null) {
      vps.close();
    }
  }

  @Test
  void execStreamsLinesLiveAndReportsExitCodes(@TempDir Path tmp) throws Exception {
    try (RemoteShell shell = SshjRemoteShell.connect(vps.target("root"), tmp.resolve("kh"))) {
      assertEquals("", shell.sudo());
      ExecResult r = shell.run("echo out1; echo err1 >&2; echo out2; exit 3", T);
      assertEquals(3, r.exitCode());
      assertEquals(List.of("out1", "out2"), r.stdout());
      assertEquals(List.of("err1"), r.stderr());

      long start = System.nanoTime();
      List<Long> arrivals = new CopyOnWriteArrayList<>();
      List<String> errLines = new CopyOnWriteArrayList<>();
      ExecResult live =
          shell.exec(
              "echo a; sleep 1; echo b >&2; sleep 1; echo c",
              line -> arrivals.add((System.nanoTime() - start) / 1_000_000),
              errLines::add,
              T);
      long total = (System.nanoTime() - start) / 1_000_000;
      assertEquals(0, live.exitCode());
      assertEquals(List.of("b"), errLines);
      assertEquals(2, arrivals.size());
      assertTrue(arrivals.get(0) < total - 1500, "first line arrived live: " + arrivals + " of " + total);

      RemoteShellException timeout =
          assertThrows(RemoteShellException.class, () -> shell.run("sleep 20", Duration.ofSeconds(1)));
      assertTrue(timeout.getMessage().contains("timed out"), timeout.getMessage());
      // the connection is still usable afterwards
      assertEquals("ok", shell.run("echo ok", T).stdoutText());
    }
  }

  @Test
  void stdinIsStreamedToTheRemoteCommand(@TempDir Path tmp) throws Exception {
    byte[] data = new byte[8 * 1024 * 1024 + 17];
    new Random(7).nextBytes(data);
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    try (RemoteShell shell = SshjRemoteShell.connect(vps.target("deploy"), tmp.resolve("kh"))) {
      assertEquals("sudo -n ", shell.sudo());
      // Repeated: sshj's close() used to drop the buffered tail when the window was full (1 in 5).
      for (int i = 0; i < 20; i++) {
        ExecResult r =
            shell.execWithInput(
                shell.sudo() + "sha256sum", new ByteArrayInputStream(data), l -> {}, l -> {}, T);
        assertEquals(0, r.exitCode(), String.join("\n", r.stderr()));
        assertEquals(expected + "  -", r.stdoutText(), "run " + i);
      }
      // A command that stops reading early: its status and stderr are reported, no hang.
      ExecResult early =
          shell.execWithInput(
              "head -c 10 >/dev/null; echo refused >&2; exit 4",
              new ByteArrayInputStream(data), l -> {}, l -> {}, T);
      assertEquals(4, early.exitCode());
      assertEquals(List.of("refused"), early.stderr());
    }
  }

  @Test
  void hostKeysAreTrustedOnFirstUseAndAChangedKeyIsRefused(@TempDir Path tmp) throws Exception {
    try (VpsContainer own = VpsContainer.start(VpsContainer.IMAGE_WITHOUT_DOCKER, tmp)) {
      Path kh = tmp.resolve("config/inertia/known_hosts");
      String name = "[127.0.0.1]:" + own.sshPort;
      try (RemoteShell shell = SshjRemoteShell.connect(own.target("root"), kh)) {
        assertEquals("ok", shell.run("echo ok", T).stdoutText());
      }
      List<String> lines = Files.readAllLines(kh);
      assertEquals(1, lines.size(), lines.toString());
      assertTrue(lines.get(0).startsWith(name + " "), lines.get(0));
      try (RemoteShell again = SshjRemoteShell.connect(own.target("deploy"), kh)) {
        assertEquals("ok", again.run("echo ok", T).stdoutText());
      }
      assertEquals(lines, Files.readAllLines(kh), "a known host is not written again");

      own.restartWithNewHostKeys();
      HostKeyChangedException e =
          assertThrows(
              HostKeyChangedException.class, () -> SshjRemoteShell.connect(own.target("root"), kh));
      System.out.println(e.getMessage());
      assertEquals(name, e.host());
      assertTrue(e.knownFingerprint().startsWith("SHA256:"), e.knownFingerprint());
      assertTrue(e.presentedFingerprint().startsWith("SHA256:"), e.presentedFingerprint());
      assertNotEquals(e.knownFingerprint(), e.presentedFingerprint());
      String serverKeys =
          own.exec("for f in /etc/ssh/ssh_host_*_key.pub; do ssh-keygen -lf $f; done");
      assertTrue(serverKeys.contains(e.presentedFingerprint()), serverKeys);
      assertTrue(e.getMessage().contains(name));
      assertTrue(e.getMessage().contains("ssh-keygen -R '" + name + "' -f " + kh), e.getMessage());
      assertEquals(lines, Files.readAllLines(kh), "a refused key is not recorded");

      // The documented fix works: forget the old key, the new one is trusted on first use.
      VpsContainer.Docker.ok(List.of("ssh-keygen", "-R", name, "-f", kh.toString()), 30);
      try (RemoteShell fixed = SshjRemoteShell.connect(own.target("root"), kh)) {
        assertEquals("ok", fixed.run("echo ok", T).stdoutText());
      }
    }
  }

  @Test
  void keyProblemsAreExplained(@TempDir Path tmp) throws Exception {
    Path kh = tmp.resolve("kh");
    // A key the server does not know.
    Path stranger = tmp.resolve("stranger");
    VpsContainer.Docker.ok(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", stranger.toString()), 30);
    RemoteShellException refused =
        assertThrows(
            RemoteShellException.class,
            () -> SshjRemoteShell.connect(new SshTarget("127.0.0.1", vps.sshPort, "root", stranger, null), kh));
    assertTrue(refused.getMessage().contains("was refused"), refused.getMessage());

    // An encrypted key: needs IDENTITY_PASSPHRASE.
    Path locked = tmp.resolve("locked");
    VpsContainer.Docker.ok(
        List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "open sesame", "-f", locked.toString()), 30);
    String pub = Files.readString(tmp.resolve("locked.pub")).trim();
    vps.exec("echo '" + pub + "' >> /root/.ssh/authorized_keys");
    RemoteShellException noPass =
        assertThrows(
            RemoteShellException.class,
            () -> SshjRemoteShell.connect(new SshTarget("127.0.0.1", vps.sshPort, "root", locked, null), kh));
    assertTrue(noPass.getMessage().contains("IDENTITY_PASSPHRASE"), noPass.getMessage());
    try (RemoteShell shell =
        SshjRemoteShell.connect(new SshTarget("127.0.0.1", vps.sshPort, "root", locked, "open sesame"), kh)) {
      assertEquals("root", shell.run("id -un", T).stdoutText());
    }

    // Legacy PEM RSA keys (AWS .pem files), plain and encrypted, without BouncyCastle as a provider.
    Path pem = tmp.resolve("aws.pem");
    VpsContainer.Docker.ok(List.of("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "", "-f", pem.toString()), 60);
    Path pemLocked = tmp.resolve("locked.pem");
    VpsContainer.Docker.ok(List.of("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "pem pass", "-f", pemLocked.toString()), 60);
    assertTrue(Files.readString(pem).startsWith("-----BEGIN " + "RSA PRIVATE KEY-----"));
    assertTrue(Files.readString(pemLocked).contains("ENCRYPTED"));
    vps.exec("cat >> /root/.ssh/authorized_keys <<'EOF'\n" + Files.readString(tmp.resolve("aws.pem.pub")).trim()
        + "\n" + Files.readString(tmp.resolve("locked.pem.pub")).trim() + "\nEOF");
    try (RemoteShell shell = SshjRemoteShell.connect(new SshTarget("127.0.0.1", vps.sshPort, "root", pem, null), kh)) {
      assertEquals("root", shell.run("id -un", T).stdoutText());
    }
    try (RemoteShell shell =
        SshjRemoteShell.connect(new SshTarget("127.0.0.1", vps.sshPort, "root", pemLocked, "pem pass"), kh)) {
      assertEquals("root", shell.run("id -un", T).stdoutText());
    }
    RemoteShellException pemNoPass =
        assertThrows(
            RemoteShellException.class,
            () -> SshjRemoteShell.connect(new SshTarget("127.0.0.1", vps.sshPort, "root", pemLocked, null), kh));
    assertTrue(pemNoPass.getMessage().contains("IDENTITY_PASSPHRASE"), pemNoPass.getMessage());

    RemoteShellException missing =
        assertThrows(
            RemoteShellException.class,
            () -> SshjRemoteShell.connect(new SshTarget("127.0.0.1", vps.sshPort, "root", tmp.resolve("nope"), null), kh));
    assertTrue(missing.getMessage().contains("ssh.identityfile"), missing.getMessage());
  }
}
