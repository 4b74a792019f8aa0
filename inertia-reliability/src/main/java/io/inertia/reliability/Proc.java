package io.inertia.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs local commands (docker, git, ssh-keygen) with a deadline; the output is stdout and stderr together. */
public final class Proc {
  /** Exit code and output. */
  public record Result(int code, String out) {
    public boolean ok() {
      return code == 0;
    }
  }

  private Proc() {}

  /** Runs and returns the result; a timeout kills the command and gives code -1. */
  public static Result run(Path dir, Map<String, String> env, Duration timeout, List<String> command) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Thread reader = new Thread(() -> copy(p.getInputStream(), out), "proc-out");
      reader.setDaemon(true);
      reader.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        return new Result(-1, "timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command));
      }
      reader.join(5000);
      synchronized (out) {
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      return new Result(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }

  /** Runs and returns the trimmed output; a non-zero exit is an exception naming the command. */
  public static String check(Path dir, Map<String, String> env, Duration timeout, String... command) {
    Result r = run(dir, env, timeout, List.of(command));
    if (!r.ok()) {
      throw new IllegalStateException(String.join(" ", command) + " exited " + r.code() + ": " + r.out().strip());
    }
    return r.out().strip();
  }

  /** {@code docker <args>}, 2 minutes at most, failing on a non-zero exit. */
  public static String docker(String... args) {
    return docker(Duration.ofMinutes(2), args);
  }

  public static String docker(Duration timeout, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("docker");
    cmd.addAll(List.of(args));
    return check(null, Map.of(), timeout, cmd.toArray(String[]::new));
  }

  /** {@code docker <args>} without failing. */
  public static Result dockerQuiet(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("docker");
    cmd.addAll(List.of(args));
    return run(null, Map.of(), Duration.ofMinutes(2), cmd);
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = in.read(buf)) >= 0) {
        synchronized (out) {
          out.write(buf, 0, n);
        }
      }
    } catch (IOException ignored) {
      // process ended
    }
  }
}
