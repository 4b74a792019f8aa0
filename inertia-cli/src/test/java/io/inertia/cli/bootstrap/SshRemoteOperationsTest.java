package io.inertia.cli.bootstrap;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.cli.CliException;
import io.inertia.cli.output.Console;
import io.inertia.common.config.DaemonConfig;
import io.inertia.common.config.RemoteConfig;
import io.inertia.common.config.SshConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks SshRemoteOperations makes before any connection (the remote's port 1 is never dialled). */
class SshRemoteOperationsTest {
  private static final RemoteConfig REMOTE =
      new RemoteConfig(
          "v0.8.0", "prod", "127.0.0.1", new SshConfig("root", "/nonexistent/key", "1"),
          new DaemonConfig("4303", "", "", "s", false, ""), Map.of());

  private static Console console() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream());
    return new Console(sink, sink, new ByteArrayInputStream(new byte[0]), false, false, false, false);
  }

  @Test
  void sendRefusesSourcesOutsideTheWorkingDirectory(@TempDir Path tmp) {
    SshRemoteOperations ops = new SshRemoteOperations(Map.of(), tmp.resolve("known_hosts"));
    Path cwd = Paths.get("").toAbsolutePath();
    CliException outside =
        assertThrows(
            CliException.class, () -> ops.send(REMOTE, Path.of("/etc/hostname"), "x", "0644", console()));
    assertTrue(outside.getMessage().contains("outside the project directory"), outside.getMessage());
    CliException climbing =
        assertThrows(
            CliException.class,
            () -> ops.send(REMOTE, cwd.resolve("../../etc/hostname"), "x", "0644", console()));
    assertTrue(climbing.getMessage().contains("outside the project directory"), climbing.getMessage());
    CliException dest =
        assertThrows(
            CliException.class, () -> ops.send(REMOTE, cwd.resolve("pom.xml"), "/etc/x", "0644", console()));
    assertTrue(dest.getMessage().contains("is absolute"), dest.getMessage());
    CliException perms =
        assertThrows(
            CliException.class, () -> ops.send(REMOTE, cwd.resolve("pom.xml"), "x", "rwx", console()));
    assertTrue(perms.getMessage().contains("invalid permissions"), perms.getMessage());
  }

  @Test
  void badGitHostsAndMissingSshSettingsAreUsageErrors(@TempDir Path tmp) {
    SshRemoteOperations ops =
        new SshRemoteOperations(Map.of("INERTIA_GIT_HOSTS", "bad host;rm"), tmp.resolve("known_hosts"));
    CliException git = assertThrows(CliException.class, () -> ops.init(REMOTE, null, console()));
    assertTrue(git.getMessage().contains("invalid git host"), git.getMessage());

    SshRemoteOperations plain = new SshRemoteOperations(Map.of(), tmp.resolve("known_hosts"));
    CliException noSsh =
        assertThrows(CliException.class, () -> plain.token(REMOTE.withSsh(null), console()));
    assertTrue(noSsh.getMessage().startsWith("client not configured for SSH access"), noSsh.getMessage());
    CliException noKey = assertThrows(CliException.class, () -> plain.token(REMOTE, console()));
    assertTrue(noKey.getMessage().contains("ssh"), noKey.getMessage());
  }
}
