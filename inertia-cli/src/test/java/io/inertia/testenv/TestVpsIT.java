package io.inertia.testenv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.TransportException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the test harness: real test VPS containers, real sshd, sshj with a generated key and
 * pinned host keys, and a nested Docker engine that runs a container, both preinstalled (bookworm,
 * Docker 20.10) and installed over SSH (trixie, Docker 26).
 */
class TestVpsIT {

  private static final String NESTED_IMAGE = "debian:bookworm";

  @BeforeEach
  void engine() {
    DockerCommands.requireEngine();
    DockerCommands.ensureImage(NESTED_IMAGE);
  }

  @Test
  void bookwormVpsRunsAContainerInItsPreinstalledDocker() {
    try (TestVps vps = TestVps.start("inertia-testvps:debian-bookworm")) {
      assertEquals("root", vps.exec("id -un").check().stdout().strip());
      TestVps.Exec sudo = vps.exec(TestVps.DEPLOY, "id -un && sudo -n id -u", null, Duration.ofSeconds(30));
      assertEquals(List.of("deploy", "0"), sudo.check().stdout().lines().toList());

      vps.awaitDocker(Duration.ofSeconds(30));
      assertEquals(
          "20.10.24+dfsg1",
          vps.exec("docker version --format '{{.Server.Version}}'").check().stdout().strip());
      assertTrue(vps.loadImage(NESTED_IMAGE).contains("Loaded image: " + NESTED_IMAGE));
      TestVps.Exec hello =
          vps.exec("docker run --rm --label io.inertia.test=true " + NESTED_IMAGE + " echo hello");
      assertEquals("hello", hello.check().stdout().strip());
    }
  }

  @Test
  void trixieVpsWithoutDockerGetsItInstalledOverSsh() {
    try (TestVps vps = TestVps.start("inertia-testvps:debian-trixie-nodocker")) {
      assertFalse(vps.exec("command -v dockerd").ok(), "this image must not have Docker yet");

      // What a bootstrap does on a fresh Debian server without an init system.
      vps.exec(TestVps.ROOT, "apt-get update -q && apt-get install -y -q docker.io", null,
              Duration.ofMinutes(10))
          .check();
      vps.exec("nohup dockerd >/var/log/dockerd.log 2>&1 </dev/null &").check();
      vps.awaitDocker(Duration.ofSeconds(60));

      String version = vps.exec("docker version --format '{{.Server.Version}}'").check().stdout();
      assertTrue(version.startsWith("26."), "trixie's Docker: " + version);
      assertTrue(vps.loadImage(NESTED_IMAGE).contains("Loaded image: " + NESTED_IMAGE));
      // A container on the default bridge: needs the writable /proc/sys the entrypoint provides.
      TestVps.Exec hello =
          vps.exec("docker run --rm --label io.inertia.test=true " + NESTED_IMAGE + " echo hello");
      assertEquals("hello", hello.check().stdout().strip());
    }
  }

  @Test
  void hostKeyIsPinnedOnFirstUseAndAChangedKeyIsRejected(@TempDir Path tmp) throws Exception {
    try (TestVps vps = TestVps.start("inertia-testvps:debian-bookworm")) {
      String pinned = Files.readString(vps.knownHosts());
      assertTrue(
          pinned.startsWith("[127.0.0.1]:" + vps.sshPort() + " ssh-ed25519 "),
          "known_hosts: " + pinned);
      try (SSHClient again = vps.connect(TestVps.DEPLOY)) {
        assertTrue(again.isAuthenticated());
      }
      assertEquals(pinned, Files.readString(vps.knownHosts()), "a known key is not written twice");

      // Swap the pinned key for another ed25519 key: the connection must be refused.
      Path otherKey = tmp.resolve("other");
      Process keygen =
          new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey.toString())
              .start();
      assertEquals(0, keygen.waitFor());
      String[] other = Files.readString(tmp.resolve("other.pub")).split(" ");
      Files.writeString(vps.knownHosts(), "[127.0.0.1]:" + vps.sshPort() + " " + other[0] + " " + other[1] + "\n");
      assertThrows(TransportException.class, () -> vps.connect(TestVps.DEPLOY).close());
    }
  }
}
