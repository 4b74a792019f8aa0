package io.inertia.daemon.docker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build context tar: what is in it, with which modes and link types, and that it streams. */
class BuildContextsTest {
  @TempDir Path tmp;

  /** name → "type mode [link]" of every entry, in tar order. */
  private static Map<String, String> entries(InputStream tarStream) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(tarStream)) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        String type =
            e.isDirectory() ? "dir" : e.isSymbolicLink() ? "symlink" : e.isLink() ? "hardlink" : e.isFIFO() ? "fifo" : "file";
        String link = e.isSymbolicLink() || e.isLink() ? " -> " + e.getLinkName() : "";
        out.put(e.getName(), type + " " + Integer.toOctalString(e.getMode() & 07777) + link
            + " " + e.getLongUserId() + ":" + e.getLongGroupId());
      }
    }
    return out;
  }

  private Map<String, String> pack(String dockerfile) throws IOException {
    try (BuildContexts.Packing p = BuildContexts.stream(tmp, dockerfile)) {
      return entries(p.input());
    }
  }

  private void file(String rel, String text, String perms) throws IOException {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
  }

  @Test
  void modesSymlinksHardLinksAndOwnerAreKept() throws Exception {
    file("Dockerfile", "FROM x", "rw-r--r--");
    file("run.sh", "#!/bin/sh\necho hi\n", "rwxr-xr-x");
    file("bin/tool", "x", "rwxr-x---");
    file("secret.txt", "x", "rw-------");
    Files.createSymbolicLink(tmp.resolve("start"), Path.of("run.sh"));
    Files.createSymbolicLink(tmp.resolve("dangling"), Path.of("/nowhere/at/all"));
    Files.createSymbolicLink(tmp.resolve("bin-link"), Path.of("bin"));
    Files.createLink(tmp.resolve("bin/tool-again"), tmp.resolve("bin/tool"));
    Files.setPosixFilePermissions(tmp.resolve("bin"), PosixFilePermissions.fromString("rwxr-x---"));
    Files.setLastModifiedTime(tmp.resolve("run.sh"), FileTime.fromMillis(1_700_000_000_999L));

    Map<String, String> e = pack("Dockerfile");

    assertEquals("file 644 0:0", e.get("Dockerfile"));
    assertEquals("file 755 0:0", e.get("run.sh"));
    assertEquals("file 600 0:0", e.get("secret.txt"));
    assertEquals("dir 750 0:0", e.get("bin/"));
    assertEquals("file 750 0:0", e.get("bin/tool"));
    assertEquals("hardlink 750 -> bin/tool 0:0", e.get("bin/tool-again"));
    assertEquals("symlink 777 -> run.sh 0:0", e.get("start"));
    assertEquals("symlink 777 -> /nowhere/at/all 0:0", e.get("dangling"));
    assertEquals("symlink 777 -> bin 0:0", e.get("bin-link"), "a link to a directory is not followed");
    assertEquals(
        java.util.List.of("Dockerfile", "bin/", "bin/tool", "bin/tool-again", "bin-link", "dangling", "run.sh",
            "secret.txt", "start"),
        java.util.List.copyOf(e.keySet()), "name order, as docker build walks");
    try (BuildContexts.Packing p = BuildContexts.stream(tmp, "Dockerfile");
        TarArchiveInputStream in = new TarArchiveInputStream(p.input())) {
      for (TarArchiveEntry t = in.getNextEntry(); t != null; t = in.getNextEntry()) {
        if (t.getName().equals("run.sh")) {
          assertEquals(1_700_000_000_000L, t.getModTime().getTime(), "whole seconds");
          assertEquals("#!/bin/sh\necho hi\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
  }

  @Test
  void gitAndIgnoredPathsStayOutButExceptionsTheDockerfileAndDockerignoreGoIn() throws Exception {
    file(".git/HEAD", "ref", "rw-r--r--");
    file("docker/Dockerfile.prod", "FROM x", "rw-r--r--");
    file("docker/notes.txt", "x", "rw-r--r--");
    file("node_modules/a/i.js", "", "rw-r--r--");
    file("src/app.py", "print()", "rw-r--r--");
    file("src/build/out.o", "", "rw-r--r--");
    file("logs/keep.log", "", "rw-r--r--");
    file("logs/drop.log", "", "rw-r--r--");
    file("secret.log", "", "rw-r--r--");
    file(".dockerignore", "# deps\nnode_modules/\n*.log\n**/build\nlogs\n!logs/keep.log\ndocker\n.dockerignore\n",
        "rw-r--r--");

    Map<String, String> e = pack("./docker/Dockerfile.prod");

    assertEquals(
        java.util.List.of(".dockerignore", "docker/Dockerfile.prod", "logs/keep.log", "src/", "src/app.py"),
        java.util.List.copyOf(e.keySet()));
  }

  @Test
  void aBadDockerignorePatternIsReportedBeforePacking() throws Exception {
    file(".dockerignore", "file[.txt\n", "rw-r--r--");
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> pack("Dockerfile"));
    assertTrue(bad.getMessage().contains("file[.txt"), bad.getMessage());
  }

  @Test
  void aContextLargerThanThePipeStreamsThroughIt() throws Exception {
    byte[] big = new byte[BuildContexts.PIPE_BYTES * 5 + 123];
    new Random(7).nextBytes(big);
    Files.write(tmp.resolve("big.bin"), big);
    file("Dockerfile", "FROM x", "rw-r--r--");
    try (BuildContexts.Packing p = BuildContexts.stream(tmp, "Dockerfile");
        TarArchiveInputStream in = new TarArchiveInputStream(p.input())) {
      TarArchiveEntry first = in.getNextEntry();
      assertEquals("Dockerfile", first.getName());
      TarArchiveEntry second = in.getNextEntry();
      assertEquals("big.bin", second.getName());
      assertArrayEquals(big, in.readAllBytes());
      assertTrue(p.failure().isEmpty());
    }
  }

  @Test
  void aReaderThatGoesAwayStopsThePackerAndAFailingPackerFailsTheReader() throws Exception {
    StreamPipe pipe = new StreamPipe(16);
    pipe.input.close();
    assertThrows(IOException.class, () -> pipe.output.write(new byte[64]));

    StreamPipe failing = new StreamPipe(16);
    failing.output.write("abc".getBytes(StandardCharsets.UTF_8));
    failing.fail(new IOException("cannot read src/secret: Permission denied"));
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buf = new byte[8];
    int n = failing.input.read(buf);
    got.write(buf, 0, n);
    assertEquals("abc", got.toString(StandardCharsets.UTF_8));
    IOException e = assertThrows(IOException.class, () -> failing.input.read(buf));
    assertTrue(e.getMessage().contains("Permission denied"));
  }
}
