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
    ProcessBuilder pb = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).directory(tmp.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new Run(p.exitValue(), out);
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
