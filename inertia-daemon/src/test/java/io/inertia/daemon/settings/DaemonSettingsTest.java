package io.inertia.daemon.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonSettingsTest {
  @TempDir Path dir;

  @Test
  void defaultsAreTheImageLayout() {
    DaemonSettings s = DaemonSettings.fromEnvironment(Map.of());
    assertEquals(Path.of("/app/host/inertia/project/"), s.projectDir());
    assertEquals(Path.of("/app/host/inertia/data/inertia.db"), s.databaseFile());
    assertEquals(Path.of("/app/host/inertia/persist"), s.persistDir());
    assertEquals(Path.of("/app/host/.inertia/ssl"), s.sslDir());
    assertEquals(Path.of("/app/host/.inertia/jwt.key"), s.jwtKeyFile());
    assertEquals(Path.of("/app/host/.ssh/id_rsa_inertia_deploy"), s.deployKeyPath());
    assertEquals("", s.webhookSecret());
    assertFalse(s.publicBadge());
    assertEquals(Duration.ofHours(12), s.sessionTtl());
  }

  @Test
  void environmentOverrides() {
    DaemonSettings s =
        DaemonSettings.fromEnvironment(
            Map.of(
                "INERTIA_DATA_DIR", "/d", "HOME", "/home/deploy", "INERTIA_WEBHOOK_SECRET", "s",
                "INERTIA_PUBLIC_BADGE", "TRUE", "INERTIA_SESSION_TTL", "PT1H", "INERTIA_COMPOSE_IMAGE", "docker/compose:1.29.2",
                "SSH_KNOWN_HOSTS", "/k"));
    assertEquals(Path.of("/d/inertia.db"), s.databaseFile());
    assertEquals("/home/deploy", s.hostHome());
    assertEquals("s", s.webhookSecret());
    assertTrue(s.publicBadge());
    assertEquals(Duration.ofHours(1), s.sessionTtl());
    assertEquals("docker/compose:1.29.2", s.composeImage());
    assertEquals(Path.of("/k"), s.sshKnownHosts());
    assertThrows(IllegalArgumentException.class, () -> DaemonSettings.fromEnvironment(Map.of("INERTIA_SESSION_TTL", "12h")));
  }

  @Test
  void secretFilesAreCreated0600AndNeverReplacedWhenInvalid() throws Exception {
    Path key = dir.resolve("sub/db.key");
    byte[] first = SecretFiles.readOrCreate(key, 32);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    assertArrayEquals(first, SecretFiles.readOrCreate(key, 32));
    Files.write(key, new byte[7]);
    SecretFiles.InvalidSecretFileException e =
        assertThrows(SecretFiles.InvalidSecretFileException.class, () -> SecretFiles.readOrCreate(key, 32));
    assertTrue(e.getMessage().contains("holds 7 bytes"), e.getMessage());
    assertEquals(7, Files.size(key));
  }

  @Test
  void webhookSecretFromAFileOneLineAndNotTogetherWithTheValue(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path f = dir.resolve("secret");
    java.nio.file.Files.writeString(f, "s3cr3t\n");
    assertEquals("s3cr3t", DaemonSettings.fromEnvironment(Map.of("INERTIA_WEBHOOK_SECRET_FILE", f.toString())).webhookSecret());
    assertThrows(
        IllegalArgumentException.class,
        () -> DaemonSettings.fromEnvironment(
            Map.of("INERTIA_WEBHOOK_SECRET_FILE", f.toString(), "INERTIA_WEBHOOK_SECRET", "x")));
    java.nio.file.Files.writeString(f, "a\nb\n");
    assertThrows(
        IllegalArgumentException.class,
        () -> DaemonSettings.fromEnvironment(Map.of("INERTIA_WEBHOOK_SECRET_FILE", f.toString())));
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> DaemonSettings.fromEnvironment(Map.of("INERTIA_WEBHOOK_SECRET_FILE", dir.resolve("nope").toString())));
    assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
  }
}
