package io.inertia.cli.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        Scripts.DOCKER, Scripts.KEYGEN, Scripts.DAEMON_UP, Scripts.TOKEN, Scripts.DAEMON_DOWN,
        Scripts.INERTIA_DOWN
      })
  void everyScriptIsBundledAsPosixShWithSetE(String name) throws Exception {
    String text = Scripts.load(name);
    assertTrue(text.startsWith("#!/bin/sh\n"), name);
    assertTrue(text.contains("\nset -e\n"), name);
    // sh -n parses without running: a syntax error in a script fails here, not on a VPS.
    Process p = new ProcessBuilder("sh", "-n", "-c", text).redirectErrorStream(true).start();
    String msg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), name + ": " + msg);
  }

  @Test
  void variablesGoAfterTheShebangAndAreSingleQuoted() {
    String out = Scripts.render("#!/bin/sh\nset -e\necho \"$A\"\n", Map.of("A", "x y"));
    assertEquals("#!/bin/sh\nA='x y'\nset -e\necho \"$A\"\n", out);
  }

  @Test
  void hostileValuesArriveVerbatim() throws Exception {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("A", "it's $(touch /tmp/pwned) `id` \"q\" \\ $HOME");
    vars.put("B", "line1\nline2");
    vars.put("C", "");
    String cmd = Scripts.render("#!/bin/sh\nset -e\nprintf '%s|%s|%s' \"$A\" \"$B\" \"$C\"\n", vars);
    assertEquals(
        "it's $(touch /tmp/pwned) `id` \"q\" \\ $HOME|line1\nline2|", runSh(cmd));
  }

  @Test
  void commandRunsTheScriptThroughShDashC() throws Exception {
    String cmd = Scripts.command(Scripts.INERTIA_DOWN, Map.of("SUDO", "echo"));
    assertTrue(cmd.startsWith("sh -c '#!/bin/sh\nSUDO='\\''echo'\\''\n"), cmd);
    assertTrue(cmd.endsWith("' inertia-down.sh"), cmd);
    // Through a login shell as sshd would run it: SUDO=echo turns rm into a printed command.
    Process p = new ProcessBuilder("sh", "-c", cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
    String home = System.getenv("HOME");
    assertEquals("rm -rf " + home + "/inertia " + home + "/.inertia\n", out);
  }

  @Test
  void rejectsVariableNamesThatAreNotShellIdentifiers() {
    assertThrows(IllegalArgumentException.class, () -> Scripts.render("x", Map.of("A;rm", "v")));
    assertThrows(IllegalArgumentException.class, () -> Scripts.load("nope.sh"));
  }

  @Test
  void daemonUpTakesTheSecretOnStdinAndPassesItAsAFileNeverOnACommandLine(@TempDir Path home)
      throws Exception {
    // Replace docker with a stub that prints its arguments one per line.
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("SUDO", "stub");
    vars.put("IMAGE", "ghcr.io/ubclaunchpad/inertiad:v0.8.0");
    vars.put("DAEMON_PORT", "4303");
    vars.put("HOST_ADDRESS", "203.0.113.7");
    String secret = "s3cr et'$(x)";
    assertFalse(Scripts.command(Scripts.DAEMON_UP, vars).contains("s3cr"));
    String script =
        Scripts.render(Scripts.load(Scripts.DAEMON_UP), vars)
            .replace(
                "set -e\n",
                "set -e\nHOME=" + io.inertia.cli.ssh.ShellWords.quote(home.toString()) + "\n"
                    + "stub() { if [ \"$2\" = container ]; then return 1; fi;"
                    + " for a in \"$@\"; do printf '<%s>' \"$a\" >>\"$HOME/args\"; done; }\n");
    String out = runSh(script, secret + "\n");
    assertEquals("Running daemon on port 4303\n", out);
    Path secretFile = home.resolve(".inertia/webhook.secret");
    assertEquals(secret + "\n", Files.readString(secretFile));
    assertEquals(
        "rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)));
    String args = Files.readString(home.resolve("args")).replace(home.toString(), "/tmp/inertia-scripts-test");
    assertTrue(Files.isDirectory(home.resolve("inertia/persist")));
    assertTrue(Files.isDirectory(home.resolve(".inertia/ssl")));
    assertEquals(
        "<docker><run><-d><--restart><unless-stopped><--name><inertia-daemon><-p><4303:4303>"
            + "<-v></var/run/docker.sock:/var/run/docker.sock><-v></tmp/inertia-scripts-test:/app/host>"
            + "<-e><HOME=/tmp/inertia-scripts-test><-e><SSH_KNOWN_HOSTS=/app/host/.ssh/known_hosts>"
            + "<-e><INERTIA_WEBHOOK_SECRET_FILE=/app/host/.inertia/webhook.secret>"
            + "<ghcr.io/ubclaunchpad/inertiad:v0.8.0><203.0.113.7>",
        args);
  }

  private static String runSh(String script) throws IOException, InterruptedException {
    return runSh(script, "");
  }

  private static String runSh(String script, String stdin) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("sh", "-c", script).start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), err);
    return out;
  }
}
