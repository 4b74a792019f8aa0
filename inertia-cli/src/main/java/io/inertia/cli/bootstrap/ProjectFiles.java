package io.inertia.cli.bootstrap;

import io.inertia.cli.ssh.ExecResult;
import io.inertia.cli.ssh.LineListener;
import io.inertia.cli.ssh.RemoteShell;
import io.inertia.cli.ssh.RemoteShellException;
import io.inertia.cli.ssh.ShellWords;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@code inertia <remote> send}: copies a file from the local project directory into {@code
 * ~/inertia/project/<dest>} on the remote (docs/original.md#per-remote-commands). Neither side may leave its project
 * directory. The bytes are streamed into a remote {@code cat} run through {@code sudo -n} for non-root
 * users, because the daemon creates root-owned files in the project directory; the file is written
 * to a temporary name and renamed, and remote errors are reported (the original ignored them).
 */
public final class ProjectFiles {
  /** The original's default permission of a sent file. */
  public static final String DEFAULT_PERMISSIONS = "0655";

  private static final Pattern PERMS = Pattern.compile("0?[0-7]{3}");

  private ProjectFiles() {}

  /**
   * A relative path that stays inside its base directory once normalised: no absolute path, no
   * {@code ..} that climbs out, not empty.
   *
   * @param what "source" or "destination", for the message
   * @throws IllegalArgumentException with a message naming the path
   */
  public static String checkRelative(String path, String what) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("no " + what + " path given");
    }
    String p = path.replace('\\', '/');
    if (p.startsWith("/") || p.startsWith("~") || p.matches("^[A-Za-z]:/.*")) {
      throw new IllegalArgumentException(
          what + " '" + path + "' is absolute - give a path relative to the project directory");
    }
    StringBuilder norm = new StringBuilder();
    int depth = 0;
    for (String part : p.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        throw new IllegalArgumentException(
            what + " '" + path + "' leaves the project directory ('..' is not allowed)");
      }
      if (norm.length() > 0) {
        norm.append('/');
      }
      norm.append(part);
      depth++;
    }
    if (depth == 0) {
      throw new IllegalArgumentException(what + " '" + path + "' names no file");
    }
    return norm.toString();
  }

  /** {@code 0655}-style permissions, else an exception naming the value. */
  public static String checkPermissions(String perms) {
    if (perms == null || !PERMS.matcher(perms).matches()) {
      throw new IllegalArgumentException(
          "invalid permissions '" + perms + "' - give octal digits such as 0644");
    }
    return perms;
  }

  /**
   * The local file to send: {@code source} relative to {@code projectDir}, a regular file, and (after
   * resolving symbolic links) still inside {@code projectDir}.
   */
  public static Path resolveSource(Path projectDir, String source) throws IOException {
    String rel = checkRelative(source, "source");
    Path base = projectDir.toRealPath();
    Path file = base.resolve(rel);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("source '" + source + "' is not a file in " + base);
    }
    Path real = file.toRealPath();
    if (!real.startsWith(base)) {
      throw new IllegalArgumentException(
          "source '" + source + "' points outside the project directory (to " + real + ")");
    }
    if (!Files.isReadable(real)) {
      throw new IllegalArgumentException("cannot read source '" + source + "'");
    }
    return real;
  }

  /**
   * Copies {@code localFile} to {@code ~/inertia/project/<dest>} with {@code perms}.
   *
   * @return the remote path written ({@code $HOME} expanded)
   * @throws IOException when the file cannot be read locally or the remote refuses to write it (the
   *     message quotes the remote error)
   */
  public static String send(RemoteShell shell, Path localFile, String dest, String perms)
      throws IOException, RemoteShellException {
    String rel = checkRelative(dest, "destination");
    checkPermissions(perms);
    String sudo = shell.sudo();
    String target = "$HOME/inertia/project/" + rel;
    String quotedTarget = "\"$HOME/inertia/project/\"" + ShellWords.quote(rel);
    String tmp = "\"$HOME/inertia/project/\"" + ShellWords.quote(rel + ".inertia-send.tmp");
    int slash = rel.lastIndexOf('/');
    String dir =
        "\"$HOME/inertia/project/\"" + (slash < 0 ? "" : ShellWords.quote(rel.substring(0, slash)));
    String script =
        "set -e; "
            + sudo + "mkdir -p " + dir + "; "
            + sudo + "sh -c 'cat > \"$1\"' sh " + tmp + "; "
            + sudo + "chmod " + perms + " " + tmp + "; "
            + sudo + "mv -f " + tmp + " " + quotedTarget + "; "
            + "printf '%s\\n' " + quotedTarget;
    ExecResult r;
    try (InputStream in = Files.newInputStream(localFile)) {
      r = shell.execWithInput(script, in, LineListener.NONE, LineListener.NONE, Duration.ofMinutes(30));
    }
    if (!r.ok()) {
      throw new IOException(
          "copying to " + target + " on " + shell.target().display() + " failed: "
              + String.join(" / ", r.stderrTail(5)));
    }
    return r.stdoutText();
  }
}
