package io.inertia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastPathsTest {
  @TempDir Path tmp;

  private String ls(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean handled = FastPaths.remoteLs(args, env, new PrintStream(out, true, StandardCharsets.UTF_8));
    return handled ? out.toString(StandardCharsets.UTF_8) : null;
  }

  @Test
  void plainRemoteLsPrintsNamesLikeTheCommand() throws Exception {
    Map<String, String> env = Map.of("INERTIA_PATH", tmp.toString());
    assertEquals(null, ls(env, "remote", "ls"), "no file: the normal path reports it");
    Files.writeString(tmp.resolve("inertia.remotes"), "[[remote]]\n  name = \"a\"\n[[remote]]\n  name = \"b\"\n");
    assertEquals("a\nb\n", ls(env, "remote", "ls"));
    assertEquals("a\nb\n", ls(env, "r", "ls"));
    assertEquals(null, ls(env, "remote", "ls", "-v"));
    assertEquals(null, ls(env, "remote", "show", "a"));
    // Outside the scanner's subset but valid: the full loader answers.
    Files.writeString(tmp.resolve("inertia.remotes"), "remote = [{name = \"x\"}, {name = \"y\"}]\n");
    assertEquals("x\ny\n", ls(env, "remote", "ls"));
    // Broken: the normal path prints the error.
    Files.writeString(tmp.resolve("inertia.remotes"), "[[remote]\n");
    assertEquals(null, ls(env, "remote", "ls"));
  }
}
