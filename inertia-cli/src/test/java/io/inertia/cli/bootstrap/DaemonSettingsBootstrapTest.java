package io.inertia.cli.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.cli.ssh.ShellWords;
import io.inertia.daemon.docker.DockerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon settings of init/upgrade on their way into the daemon container's environment. */
class DaemonSettingsBootstrapTest {
  private static BootstrapSettings settings(Map<String, String> daemonSettings) {
    return new BootstrapSettings("prod", "203.0.113.7", "v0.8.0", "4303", "s", "", List.of(), false, daemonSettings);
  }

  @Test
  void settingsBecomeSortedNameValueWords() {
    BootstrapSettings s = settings(Map.of("INERTIA_SESSION_TTL", "PT2H", "INERTIA_PUBLIC_BADGE", "true"));
    assertEquals("INERTIA_PUBLIC_BADGE=true INERTIA_SESSION_TTL=PT2H", s.daemonEnvironment());
    assertEquals("", settings(Map.of()).daemonEnvironment());
  }

  @Test
  void settingsThatCouldBreakTheScriptAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> settings(Map.of("PATH", "x")));
    assertThrows(IllegalArgumentException.class, () -> settings(Map.of("INERTIA_X", "a b")));
    assertThrows(IllegalArgumentException.class, () -> settings(Map.of("INERTIA_X", "$(reboot)")));
    assertThrows(IllegalArgumentException.class, () -> settings(Map.of("INERTIA_X", "*")));
  }

  @Test
  void composeImageDefaultIsTheDaemonsAndASettingReplacesIt() {
    assertEquals(DockerSettings.DEFAULT_COMPOSE_IMAGE, BootstrapSettings.DEFAULT_COMPOSE_IMAGE);
    assertEquals("docker:26-cli", settings(Map.of()).composeImage());
    assertEquals("docker/compose:1.29.2",
        settings(Map.of("INERTIA_COMPOSE_IMAGE", "docker/compose:1.29.2")).composeImage());
  }

  @Test
  void daemonUpPassesEachSettingAsAnEnvironmentOption(@TempDir Path home) throws Exception {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("SUDO", "stub");
    vars.put("IMAGE", "ghcr.io/ubclaunchpad/inertiad:v0.8.0");
    vars.put("DAEMON_SETTINGS", settings(Map.of("INERTIA_PUBLIC_BADGE", "true",
        "INERTIA_COMPOSE_IMAGE", "docker/compose:1.29.2")).daemonEnvironment());
    vars.put("DAEMON_PORT", "4303");
    vars.put("HOST_ADDRESS", "203.0.113.7");
    vars.put("WEBHOOK_SECRET", "s");
    String script = Scripts.render(Scripts.load(Scripts.DAEMON_UP), vars).replace("set -e\n",
        "set -e\nHOME=" + ShellWords.quote(home.toString()) + "\n"
            + "stub() { if [ \"$2\" = container ]; then return 1; fi;"
            + " for a in \"$@\"; do printf '<%s>' \"$a\" >>\"$HOME/args\"; done; }\n");
    Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    String args = Files.readString(home.resolve("args"));
    assertTrue(args.startsWith("<docker><run><-d><--restart><unless-stopped>"
        + "<-e><INERTIA_COMPOSE_IMAGE=docker/compose:1.29.2><-e><INERTIA_PUBLIC_BADGE=true><--name>"), args);
  }
}
