package io.inertia.common.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and writes {@code inertia.toml} and {@code inertia.remotes}.
 *
 * <p>Reading parses TOML with Jackson and maps it by hand; unknown keys are ignored (as the original
 * does), and any problem (missing file, syntax error with line and column, wrong value type, unknown
 * build type, duplicated profile or remote name) is one {@link ConfigException} naming the file. A
 * failed read never touches the file.
 *
 * <p>Writing renders the whole file in the original's layout ({@code [[profile]]}, {@code [[remote]]},
 * indented sub-tables) to a temporary file in the same directory, forces it to disk and moves it over
 * the target atomically, so a failed save leaves the old file intact. Parent directories are created.
 * A new remotes file is created with mode 0600 because it holds tokens and secrets; a new project file
 * with 0644; an existing file keeps its mode.
 *
 * <p>Stateless and thread-safe; blocking file I/O; writes nothing to any log.
 */
public final class ConfigFiles {
  private static final TomlMapper TOML = new TomlMapper();
  private static final Set<PosixFilePermission> PROJECT_MODE =
      PosixFilePermissions.fromString("rw-r--r--");
  private static final Set<PosixFilePermission> REMOTES_MODE =
      PosixFilePermissions.fromString("rw-------");

  private ConfigFiles() {}

  /**
   * Loads a project file.
   *
   * @throws ConfigException naming the file and the problem; the file is left untouched
   */
  public static ProjectConfig loadProject(Path file) {
    return load(file, TomlTrees::project);
  }

  /**
   * Loads a remotes file.
   *
   * @throws ConfigException naming the file and the problem; the file is left untouched
   */
  public static RemotesConfig loadRemotes(Path file) {
    return load(file, TomlTrees::remotes);
  }

  /**
   * Writes a project file atomically.
   *
   * @throws ConfigException if it cannot be written; the old file, if any, is then unchanged
   */
  public static void saveProject(Path file, ProjectConfig config) {
    write(file, TomlWriter.project(config), PROJECT_MODE);
  }

  /**
   * Writes a remotes file atomically.
   *
   * @throws ConfigException if it cannot be written; the old file, if any, is then unchanged
   */
  public static void saveRemotes(Path file, RemotesConfig config) {
    write(file, TomlWriter.remotes(config), REMOTES_MODE);
  }

  /** The text {@link #saveProject} writes. */
  public static String toToml(ProjectConfig config) {
    return TomlWriter.project(config);
  }

  /** The text {@link #saveRemotes} writes. */
  public static String toToml(RemotesConfig config) {
    return TomlWriter.remotes(config);
  }

  private static <T> T load(Path file, Function<ObjectNode, T> mapping) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw ConfigException.read(file, "file does not exist", e);
    } catch (IOException e) {
      throw ConfigException.read(file, String.valueOf(e.getMessage()), e);
    }
    JsonNode root;
    try {
      root = TOML.readTree(bytes);
    } catch (JacksonException e) {
      throw ConfigException.read(file, syntaxProblem(e), e);
    } catch (IOException e) {
      throw ConfigException.read(file, String.valueOf(e.getMessage()), e);
    }
    ObjectNode table = root instanceof ObjectNode o ? o : TOML.createObjectNode();
    try {
      return mapping.apply(table);
    } catch (TomlTrees.Problem e) {
      throw ConfigException.read(file, e.getMessage(), e);
    }
  }

  private static String syntaxProblem(JacksonException e) {
    String detail = e.getOriginalMessage();
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      return "TOML syntax error at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": "
          + detail;
    }
    return "TOML syntax error: " + detail;
  }

  private static void write(Path file, String text, Set<PosixFilePermission> newFileMode) {
    Path target = file.toAbsolutePath();
    try {
      // Replace the file a symlink points to, not the link (dotfile managers link these files).
      if (Files.isSymbolicLink(target)) {
        target = target.toRealPath();
      }
    } catch (IOException e) {
      throw ConfigException.write(file, String.valueOf(e.getMessage()), e);
    }
    Path dir = target.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      PosixFileAttributeView posix = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
      if (posix != null) {
        posix.setPermissions(
            Files.exists(target) ? Files.getPosixFilePermissions(target) : newFileMode);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      String problem =
          e instanceof FileSystemException fse && fse.getReason() != null
              ? fse.getReason()
              : String.valueOf(e.getMessage());
      throw ConfigException.write(file, problem, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // Best effort: the target is untouched either way.
        }
      }
    }
  }
}
