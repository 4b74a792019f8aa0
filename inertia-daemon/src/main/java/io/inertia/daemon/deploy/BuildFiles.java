package io.inertia.daemon.deploy;

import java.util.Optional;

/**
 * Checks a build file path ({@code build_file_path} of {@code up}): it must name a file inside the project
 * directory, relative to its root. Checked before anything runs, so a bad path is the caller's error, not Docker's.
 */
public final class BuildFiles {
  /** Longer paths are refused (Linux {@code PATH_MAX}). */
  static final int MAX_LENGTH = 4096;

  private BuildFiles() {}

  /** Why {@code path} is not acceptable, or empty when it is (blank means the builder's default file). */
  public static Optional<String> problem(String path) {
    if (path == null || path.isBlank()) {
      return Optional.empty();
    }
    if (path.length() > MAX_LENGTH) {
      return Optional.of("build file path is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == 0) {
        return Optional.of("build file path contains a NUL character");
      }
      if (Character.isISOControl(c)) {
        return Optional.of("build file path contains a control character (U+" + String.format("%04X", (int) c) + ")");
      }
    }
    if (path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")) {
      return Optional.of("build file path '" + path + "' is absolute; give it relative to the project root");
    }
    for (String segment : path.split("[/\\\\]")) {
      if (segment.equals("..")) {
        return Optional.of("build file path '" + path + "' leaves the project directory ('..')");
      }
    }
    if (path.endsWith("/") || path.equals(".")) {
      return Optional.of("build file path '" + path + "' names a directory, not a file");
    }
    return Optional.empty();
  }
}
