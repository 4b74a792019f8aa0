package io.inertia.cli.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads the local repository with the {@code git} command, as the original does
 * ({@code git config --get remote.<r>.url}, {@code git symbolic-ref --short HEAD}). Blocking.
 */
public final class GitProbe {
  private final Path directory;

  public GitProbe(Path directory) {
    this.directory = directory;
  }

  /** True when the directory holds a {@code .git} directory or file (worktrees use a file). */
  public boolean isRepository() {
    return Files.exists(directory.resolve(".git"));
  }

  /** The URL of a git remote, or empty when it is not configured. */
  public String remoteUrl(String remote) {
    return git("config", "--get", "remote." + remote + ".url");
  }

  /** The checked-out branch, or empty on a detached HEAD or without git. */
  public String currentBranch() {
    return git("symbolic-ref", "--short", "HEAD");
  }

  private String git(String... args) {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add("git");
    cmd.addAll(List.of(args));
    try {
      Process p =
          new ProcessBuilder(cmd)
              .directory(directory.toFile())
              .redirectErrorStream(false)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      p.getOutputStream().close();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "";
      }
      return p.exitValue() == 0 ? out : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
