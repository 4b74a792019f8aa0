package io.inertia.cli.ssh;

import java.util.List;

/**
 * What a finished remote command left behind.
 *
 * @param command the command as sent (for messages; may be shortened)
 * @param exitCode the exit status, or -1 when the command died from a signal or gave none
 * @param stdout every line of standard output, in order
 * @param stderr every line of standard error, in order
 */
public record ExecResult(String command, int exitCode, List<String> stdout, List<String> stderr) {
  public ExecResult {
    stdout = List.copyOf(stdout);
    stderr = List.copyOf(stderr);
  }

  /** Whether the command exited with 0. */
  public boolean ok() {
    return exitCode == 0;
  }

  /** Standard output joined with newlines and trimmed. */
  public String stdoutText() {
    return String.join("\n", stdout).trim();
  }

  /** The last {@code n} lines of standard error (what a failure message quotes). */
  public List<String> stderrTail(int n) {
    return stderr.subList(Math.max(0, stderr.size() - n), stderr.size());
  }
}
