package io.inertia.daemon.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Random key files of a fixed length ({@code jwt.key}, {@code db.key}), created 0600 on first use. A file that exists
 * with the wrong length is never replaced (that would orphan everything sealed with it): it is an error.
 */
public final class SecretFiles {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretFiles() {}

  /**
   * Returns the {@code length} bytes in {@code file}, creating the file with fresh random bytes if it is missing.
   *
   * @throws InvalidSecretFileException if the file exists but does not hold exactly {@code length} bytes, or cannot
   *     be read or written
   */
  public static byte[] readOrCreate(Path file, int length) {
    try {
      if (Files.exists(file)) {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != length) {
          throw new InvalidSecretFileException(
              file + " holds " + bytes.length + " bytes but must hold exactly " + length
                  + "; it is kept as it is because replacing it would make existing data unreadable."
                  + " Restore the original file, or delete it to start over with a new key");
        }
        return bytes;
      }
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      byte[] bytes = new byte[length];
      RANDOM.nextBytes(bytes);
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(tmp, bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
      ownerOnly(tmp);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return bytes;
    } catch (IOException e) {
      throw new InvalidSecretFileException("cannot read or create " + file + ": " + e.getMessage(), e);
    }
  }

  /** Sets mode 0600 where the file system supports POSIX permissions. */
  public static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // Not a POSIX file system.
    }
  }

  /** A key file is present but unusable, or cannot be created. */
  public static final class InvalidSecretFileException extends RuntimeException {
    public InvalidSecretFileException(String message) {
      super(message);
    }

    public InvalidSecretFileException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
