package io.inertia.cli.bootstrap;

import io.inertia.cli.ssh.ExecResult;
import io.inertia.cli.ssh.LineListener;
import io.inertia.cli.ssh.RemoteShell;
import io.inertia.cli.ssh.RemoteShellException;
import io.inertia.cli.ssh.ShellWords;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Moves a Docker image from the local engine to the remote one without a registry: a local {@code
 * docker save IMAGE} process streamed into {@code docker load} over SSH
 * (docs/environment.md#moving-images-without-a-registry). No temporary file on either side. Both exit statuses are checked.
 * Thread-safe; blocking.
 */
public final class ImageTransfer {
  /** Called at most about once a second while bytes flow, and once at the end. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (bytes, elapsed) -> {};

    void update(long bytes, Duration elapsed);
  }

  /**
   * A finished transfer.
   *
   * @param image the image reference sent
   * @param bytes size of the {@code docker save} stream
   * @param elapsed wall time from starting {@code docker save} to the end of {@code docker load}
   * @param remoteOutput what {@code docker load} printed ({@code Loaded image: …})
   */
  public record Result(String image, long bytes, Duration elapsed, List<String> remoteOutput) {
    /** Throughput in MB/s (10^6 bytes). */
    public double megabytesPerSecond() {
      return megabytesPerSecond(bytes, elapsed);
    }

    static double megabytesPerSecond(long bytes, Duration elapsed) {
      double s = Math.max(elapsed.toNanos(), 1) / 1e9;
      return bytes / 1e6 / s;
    }
  }

  private final String dockerBinary;

  /** Uses {@code docker} from the PATH. */
  public ImageTransfer() {
    this("docker");
  }

  public ImageTransfer(String dockerBinary) {
    this.dockerBinary = dockerBinary;
  }

  /** The local image ID ({@code docker image inspect}), if the local engine has the image. */
  public Optional<String> localImageId(String image) {
    try {
      // docker image inspect --format {{.Id}} IMAGE
      Process p =
          new ProcessBuilder(dockerBinary, "image", "inspect", "--format", "{{.Id}}", image)
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 && out.startsWith("sha256:") ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // no local docker CLI: nothing to send from here
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The image ID on the remote engine, if it has the image. */
  public static Optional<String> remoteImageId(RemoteShell shell, String image)
      throws RemoteShellException {
    // docker image inspect --format {{.Id}} IMAGE
    ExecResult r =
        shell.run(
            shell.sudo() + "docker image inspect --format '{{.Id}}' " + ShellWords.quote(image),
            Duration.ofSeconds(60));
    String id = r.stdoutText();
    return r.ok() && id.startsWith("sha256:") ? Optional.of(id) : Optional.empty();
  }

  /**
   * Streams {@code image} into the remote engine.
   *
   * @throws ImageTransferException when {@code docker save} or the remote {@code docker load} fails,
   *     with the tool's own last error lines
   */
  public Result send(RemoteShell shell, String image, Progress progress, Duration timeout)
      throws ImageTransferException, RemoteShellException {
    long start = System.nanoTime();
    Process save;
    try {
      // docker save IMAGE | ssh … docker load
      save = new ProcessBuilder(dockerBinary, "save", image).start();
      save.getOutputStream().close();
    } catch (IOException e) {
      throw new ImageTransferException(
          "cannot run '" + dockerBinary + " save " + image + "': " + e.getMessage(), e);
    }
    List<String> saveErrors = new ArrayList<>();
    Thread errReader = drain(save.getErrorStream(), saveErrors);
    ExecResult load;
    long bytes;
    try (CountingStream in = new CountingStream(save.getInputStream(), start, progress)) {
      load =
          shell.execWithInput(
              shell.sudo() + "docker load", in, LineListener.NONE, LineListener.NONE, timeout);
      bytes = in.count;
    } catch (IOException e) {
      throw new ImageTransferException("reading 'docker save " + image + "' failed: " + e, e);
    } finally {
      save.destroy();
    }
    int saveExit;
    try {
      if (!save.waitFor(30, TimeUnit.SECONDS)) {
        save.destroyForcibly();
      }
      errReader.join(5_000);
      saveExit = save.isAlive() ? -1 : save.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageTransferException("interrupted while sending " + image, e);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    // Blame the side that failed first: when docker load stops reading, docker save dies of the
    // closed pipe (SIGPIPE 141, or our SIGTERM 143) and only the remote's words explain why.
    boolean saveKilledByPipe = saveExit == 141 || saveExit == 143 || saveExit == -1;
    if (saveExit != 0 && (load.ok() || !saveKilledByPipe)) {
      throw new ImageTransferException(
          "'docker save " + image + "' failed (exit " + saveExit + "): " + tail(saveErrors));
    }
    if (!load.ok()) {
      throw new ImageTransferException(
          "'docker load' on "
              + shell.target().display()
              + " failed (exit "
              + load.exitCode()
              + "): "
              + tail(load.stderrTail(5)));
    }
    progress.update(bytes, elapsed);
    return new Result(image, bytes, elapsed, load.stdout());
  }

  private static String tail(List<String> lines) {
    synchronized (lines) {
      List<String> last = lines.subList(Math.max(0, lines.size() - 5), lines.size());
      return last.isEmpty() ? "(no error output)" : String.join(" / ", last);
    }
  }

  private static Thread drain(InputStream in, List<String> sink) {
    Thread t =
        new Thread(
            () -> {
              try {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                synchronized (sink) {
                  text.lines().forEach(sink::add);
                }
              } catch (IOException ignored) {
                // the process ended
              }
            },
            "docker-save-stderr");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Counts bytes and reports progress at most once a second. */
  private static final class CountingStream extends FilterInputStream {
    private final long start;
    private final Progress progress;
    private long count;
    private long lastReport;

    CountingStream(InputStream in, long start, Progress progress) {
      super(in);
      this.start = start;
      this.progress = progress;
      this.lastReport = start;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        advance(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        advance(n);
      }
      return n;
    }

    private void advance(int n) {
      count += n;
      long now = System.nanoTime();
      if (now - lastReport >= 1_000_000_000L) {
        lastReport = now;
        progress.update(count, Duration.ofNanos(now - start));
      }
    }
  }
}
