package io.inertia.cli.bootstrap;

import java.io.PrintStream;

/**
 * Where bootstrap messages go. Messages may carry {@code :emoji:} shortcodes, which the CLI's
 * console renders or strips (docs/original.md#cli-conventions). Called from the calling thread and from SSH reader
 * threads; implementations must be thread-safe.
 */
public interface BootstrapOutput {
  /** A message of the CLI itself, such as {@code :whale: Step 1/4: Installing docker...}. */
  void message(String text);

  /** A line a remote script printed, streamed as it arrives. */
  void remote(String line, boolean stderr);

  /**
   * The captured output of a script that is not streamed, for {@code --debug} (docs/original.md#ssh-transport:
   * {@code DEBUG: <script> stdout: >>> … <<<}). Ignored unless overridden.
   */
  default void debug(String text) {}

  /** Output to two print streams, shortcodes left as they are; for tests and plain consoles. */
  static BootstrapOutput to(PrintStream out, PrintStream err) {
    return new BootstrapOutput() {
      @Override
      public synchronized void message(String text) {
        out.println(text);
      }

      @Override
      public synchronized void remote(String line, boolean stderr) {
        (stderr ? err : out).println(line);
      }
    };
  }

  /** Discards everything. */
  static BootstrapOutput silent() {
    return new BootstrapOutput() {
      @Override
      public void message(String text) {}

      @Override
      public void remote(String line, boolean stderr) {}
    };
  }
}
