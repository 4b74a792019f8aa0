package io.inertia.testenv;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The {@code docker} CLI for test scaffolding: every call has a timeout and fails with the
 * command's output. Tests that need an engine call {@link #requireEngine()} first.
 */
public final class DockerCommands {

  /** Label on every container the tests create, so leftovers can be found and removed. */
  public static final String TEST_LABEL = "io.inertia.test=true";

  private DockerCommands() {}

  /** Output of a finished command. */
  public record Result(int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  /**
   * Fails (under {@code CI=true}) or aborts the test (elsewhere) when no Docker engine answers.
   * In CI a missing engine is a broken machine, never a reason to skip.
   */
  public static void requireEngine() {
    String why;
    try {
      Result info = run(Duration.ofSeconds(30), "info", "--format", "{{.ServerVersion}}");
      if (info.ok()) {
        return;
      }
      why = info.stderr().strip();
    } catch (RuntimeException e) {
      why = e.getMessage();
    }
    String message = "no Docker engine answers `docker info` (" + why + ")";
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(message + "; CI=true, so this is a failure, not a skip");
    }
    message += "; skipping (start dockerd, then `make images`)";
    System.err.println("WARNING: " + message);
    Assumptions.abort(message);
  }

  /** Runs {@code docker args...}; throws if it does not finish within {@code timeout}. */
  public static Result run(Duration timeout, String... args) {
    List<String> command = new ArrayList<>();
    command.add("docker");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    return execute(builder, timeout, String.join(" ", command));
  }

  /** Runs {@code docker args...} and returns its trimmed stdout; throws unless it exits 0. */
  public static String check(Duration timeout, String... args) {
    Result result = run(timeout, args);
    if (!result.ok()) {
      throw new IllegalStateException(
          "docker " + String.join(" ", args) + " exited " + result.exitCode() + ": "
              + result.stderr().strip());
    }
    return result.stdout().strip();
  }

  public static boolean imageExists(String image) {
    return run(Duration.ofSeconds(30), "image", "inspect", image).ok();
  }

  /**
   * Makes sure {@code image} exists, building it (and what it derives from) with
   * {@code test_env/images.sh}, which skips what is already there.
   */
  public static void ensureImage(String image) {
    if (imageExists(image)) {
      return;
    }
    Path script = repositoryRoot().resolve("test_env/images.sh");
    Result result =
        execute(new ProcessBuilder("bash", script.toString(), image), Duration.ofMinutes(15),
            script + " " + image);
    if (!result.ok()) {
      throw new IllegalStateException(
          "could not build " + image + " with " + script + ":\n" + result.stderr());
    }
  }

  /** The checkout's root: the nearest directory upwards that holds {@code test_env/images.sh}. */
  public static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("test_env/images.sh"))) {
        return dir;
      }
    }
    throw new IllegalStateException("test_env/images.sh not found above " + Path.of("").toAbsolutePath());
  }

  public static Result execute(ProcessBuilder builder, Duration timeout, String description) {
    Process process;
    try {
      process = builder.redirectInput(ProcessBuilder.Redirect.PIPE).start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + description, e);
    }
    CompletableFuture<String> out = readAsync(process.getInputStream());
    CompletableFuture<String> err = readAsync(process.getErrorStream());
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(description + " did not finish within " + timeout);
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + description, e);
    }
  }

  static CompletableFuture<String> readAsync(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toString(UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        DockerCommands::startDaemonThread);
  }

  /** Blocking stream copies get their own threads, never the shared ForkJoin pool. */
  static void startDaemonThread(Runnable task) {
    Thread thread = new Thread(task, "testenv-stream");
    thread.setDaemon(true);
    thread.start();
  }
}
