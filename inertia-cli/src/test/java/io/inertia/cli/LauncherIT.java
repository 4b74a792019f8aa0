package io.inertia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/inertia on the packaged jars: the AppCDS archive made by bin/inertia-cds is really used (with
 * {@code -Xshare:on} a mismatched archive is an error instead of being ignored), and the fast paths
 * answer like the full CLI.
 */
class LauncherIT {
  static final Path BIN = Path.of("..", "bin").toAbsolutePath().normalize();

  @TempDir static Path tmp;

  @BeforeAll
  static void archive() throws Exception {
    Run r = run(Map.of(), BIN.resolve("inertia-cds").toString());
    assertEquals(0, r.code, r.out);
  }

  record Run(int code, String out) {}

  static Run run(Map<String, String> env, String... cmd) throws IOException, InterruptedException {
    return input("", env, cmd);
  }

  static Run input(String stdin, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).directory(tmp.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new Run(p.exitValue(), out);
  }

  /**
   * The packaged CLI against the packaged daemon, as two real processes: {@code inertiad run} on a free
   * port, a master token from {@code inertiad token}, the fingerprint from the daemon's log.
   */
  @Test
  void packagedCliTalksToPackagedDaemon() throws Exception {
    Path daemonJar = Path.of("..", "inertia-daemon", "target", "inertiad.jar").toAbsolutePath().normalize();
    Path root = tmp.resolve("e2e");
    Files.createDirectories(root);
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Map<String, String> daemonEnv = new java.util.HashMap<>();
    for (String dir : List.of("project", "data", "persist", "secrets")) {
      daemonEnv.put("INERTIA_" + dir.toUpperCase(java.util.Locale.ROOT) + "_DIR", root.resolve(dir).toString());
    }
    daemonEnv.put("INERTIA_GH_KEY_PATH", root.resolve("ssh/key").toString());
    daemonEnv.put("SSH_KNOWN_HOSTS", root.resolve("ssh/known_hosts").toString());
    daemonEnv.put("HOME", root.toString());
    Path log = root.resolve("daemon.log");
    ProcessBuilder pb = new ProcessBuilder("java", "-jar", daemonJar.toString(), "run", "127.0.0.1", "--port",
        String.valueOf(port)).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(daemonEnv);
    Process daemon = pb.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!(Files.exists(log) && Files.readString(log).contains("Serving daemon on port"))) {
        assertTrue(daemon.isAlive() && System.nanoTime() < deadline, "daemon did not start: " + Files.readString(log));
        Thread.sleep(100);
      }
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("SHA256:[0-9A-F:]{95}").matcher(Files.readString(log));
      assertTrue(m.find(), Files.readString(log));
      String fingerprint = m.group();
      Run token = run(daemonEnv, "java", "-jar", daemonJar.toString(), "token");
      assertEquals(0, token.code, token.out);
      String master = token.out.strip().lines().reduce((a, b) -> b).orElseThrow();

      String inertia = BIN.resolve("inertia").toString();
      Map<String, String> env = Map.of("INERTIA_PATH", root.resolve("cli").toString(), "HOME", root.toString());
      assertEquals(0, run(env, inertia, "init", "--global").code);
      assertEquals(0, run(env, inertia, "remote", "add", "prod", "--ip", "127.0.0.1", "--daemon.port",
          String.valueOf(port), "--ssh.user", "u", "--ssh.key", "k").code);
      assertEquals(0, run(env, inertia, "remote", "set", "prod", "daemon.token", master).code);
      assertEquals(0, run(env, inertia, "remote", "set", "prod", "daemon.cert-fingerprint", fingerprint).code);
      Run status = run(env, inertia, "--simple", "prod", "status");
      assertEquals(0, status.code, status.out);
      assertTrue(status.out.contains("Inertia daemon on remote \"prod\" (https://127.0.0.1:" + port + ") is online"),
          status.out);
      assertEquals(new Run(0, "set K on remote 'prod'\nit takes effect at the next deploy: run 'inertia prod up'\n"),
          run(env, inertia, "prod", "env", "set", "K", "v"));
      assertEquals(new Run(0, "K=v\n"), run(env, inertia, "prod", "env", "ls"));
      assertEquals(0, input("a-long-password-1\n", env, inertia, "prod", "user", "add", "zed").code);
      Run login = input("a-long-password-1\n", env, inertia, "--simple", "remote", "login", "team", "zed", "--ip",
          "127.0.0.1", "--daemon.port", String.valueOf(port), "--daemon.cert-fingerprint", fingerprint);
      assertEquals(0, login.code, login.out);
      assertTrue(login.out.contains("Successfully logged in to remote 'team' (127.0.0.1) as user 'zed'!"), login.out);
      assertEquals(0, run(env, inertia, "team", "status").code);
    } finally {
      daemon.destroy();
      if (!daemon.waitFor(10, TimeUnit.SECONDS)) {
        daemon.destroyForcibly();
      }
    }
  }

  @Test
  void archiveIsUsedAndFastPathsAnswer() throws Exception {
    Path global = tmp.resolve("global");
    Files.createDirectories(global);
    Files.writeString(global.resolve("inertia.remotes"),
        "[[remote]]\n  name = \"prod\"\n  ip = \"1.2.3.4\"\n[[remote]]\n  name = \"dev\"\n  ip = \"1.2.3.5\"\n");
    Map<String, String> env = Map.of("INERTIA_JAVA_OPTS", "-Xshare:on", "INERTIA_PATH", global.toString());
    String inertia = BIN.resolve("inertia").toString();
    Run version = run(env, inertia, "--version");
    assertEquals(0, version.code, version.out);
    assertTrue(version.out.startsWith("inertia version v"), version.out);
    Run ls = run(env, inertia, "remote", "ls");
    assertEquals(new Run(0, "prod\ndev\n"), ls);
    Run verbose = run(env, inertia, "--simple", "remote", "ls", "-v");
    assertEquals(0, verbose.code, verbose.out);
    assertTrue(verbose.out.contains("remote 'dev'\nIP: 1.2.3.5\n"), verbose.out);
    Run unknown = run(env, inertia, "nope");
    assertEquals(2, unknown.code, unknown.out);
  }
}
