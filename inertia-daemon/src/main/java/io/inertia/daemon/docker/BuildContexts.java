package io.inertia.daemon.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Docker build contexts: the project directory as a tar, without {@code .git} (the original sent it) and without
 * what a simple {@code .dockerignore} excludes (glob lines and directory prefixes; {@code !} exceptions are not
 * supported and are ignored).
 */
final class BuildContexts {
  private BuildContexts() {}

  static byte[] tar(Path root) throws IOException {
    List<PathMatcher> ignored = ignoreRules(root);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
              if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
              }
              Path rel = root.relativize(dir);
              if (rel.toString().equals(".git") || excluded(rel, ignored)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              TarArchiveEntry e = new TarArchiveEntry(dir.toFile(), rel.toString().replace('\\', '/') + "/");
              tar.putArchiveEntry(e);
              tar.closeArchiveEntry();
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
              Path rel = root.relativize(file);
              if (excluded(rel, ignored)) {
                return FileVisitResult.CONTINUE;
              }
              String name = rel.toString().replace('\\', '/');
              if (attrs.isSymbolicLink()) {
                TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                e.setLinkName(Files.readSymbolicLink(file).toString());
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
              } else if (attrs.isRegularFile()) {
                TarArchiveEntry e = new TarArchiveEntry(file, name, LinkOption.NOFOLLOW_LINKS);
                tar.putArchiveEntry(e);
                Files.copy(file, tar);
                tar.closeArchiveEntry();
              }
              return FileVisitResult.CONTINUE;
            }
          });
      tar.finish();
    }
    return bytes.toByteArray();
  }

  private static boolean excluded(Path rel, List<PathMatcher> ignored) {
    for (Path p = rel; p != null; p = p.getParent()) {
      for (PathMatcher m : ignored) {
        if (m.matches(p)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<PathMatcher> ignoreRules(Path root) throws IOException {
    List<PathMatcher> rules = new ArrayList<>();
    Path file = root.resolve(".dockerignore");
    if (!Files.isRegularFile(file)) {
      return rules;
    }
    for (String raw : Files.readAllLines(file)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      while (line.startsWith("/") || line.startsWith("./")) {
        line = line.substring(line.startsWith("/") ? 1 : 2);
      }
      if (line.endsWith("/")) {
        line = line.substring(0, line.length() - 1);
      }
      if (!line.isEmpty()) {
        rules.add(FileSystems.getDefault().getPathMatcher("glob:" + line));
      }
    }
    return rules;
  }
}
