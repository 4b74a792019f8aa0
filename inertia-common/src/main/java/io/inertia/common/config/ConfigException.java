package io.inertia.common.config;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A configuration file could not be read or written. The message names the file and the problem, e.g.
 * {@code failed to read configuration file '/p/inertia.toml': type 'x' is not a valid build type}.
 * A failed read never changes the file.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  ConfigException(Path file, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
  }

  static ConfigException read(Path file, String problem, Throwable cause) {
    return new ConfigException(
        file, "failed to read configuration file '" + file + "': " + problem, cause);
  }

  static ConfigException write(Path file, String problem, Throwable cause) {
    return new ConfigException(
        file, "failed to write configuration file '" + file + "': " + problem, cause);
  }

  /** The file that could not be read or written. */
  public Path file() {
    return file;
  }

  /** True when reading failed because the file does not exist. */
  public boolean isMissingFile() {
    return getCause() instanceof NoSuchFileException;
  }
}
