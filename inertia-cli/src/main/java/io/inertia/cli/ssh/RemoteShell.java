package io.inertia.cli.ssh;

import java.io.InputStream;
import java.time.Duration;

/**
 * A logged-in shell on a remote host: runs commands and reports their output and exit status.
 *
 * <p>Commands run as the login user through the user's login shell, so {@code $HOME} is that user's
 * home (the host layout of docs/original.md#host-layout lives there). Privileged parts must be prefixed with
 * {@link #sudo()}, which is {@code sudo -n } for anyone but root: a user without password-less sudo
 * then fails at once with "sudo: a password is required" instead of hanging on a prompt.
 *
 * <p>Each call blocks until the remote command has finished. Listeners are called on reader threads
 * owned by the implementation, one thread per stream, in line order per stream. An implementation
 * may serve several calls in parallel; nothing is printed by it.
 */
public interface RemoteShell extends AutoCloseable {

  /** The login this shell was opened with. */
  SshTarget target();

  /** {@code ""} for root, else {@code "sudo -n "}: the prefix for privileged commands. */
  default String sudo() {
    return target().isRoot() ? "" : "sudo -n ";
  }

  /**
   * Runs {@code command}, streaming each output line to the listeners while it runs, and collecting
   * all lines into the result. Standard input is closed at once.
   *
   * @param timeout upper bound for the whole command; when it passes the session is closed and a
   *     {@link RemoteShellException} is thrown
   * @throws RemoteShellException when the connection fails or the timeout passes (a non-zero exit
   *     status is not an exception: see {@link ExecResult#exitCode()})
   */
  ExecResult exec(String command, LineListener stdout, LineListener stderr, Duration timeout)
      throws RemoteShellException;

  /**
   * Runs {@code command} with {@code stdin} copied into its standard input (then EOF), as {@code
   * docker save | ssh host docker load} does. {@code stdin} is read to its end unless the remote
   * command stops reading; it is not closed by this method.
   */
  ExecResult execWithInput(
      String command,
      InputStream stdin,
      LineListener stdout,
      LineListener stderr,
      Duration timeout)
      throws RemoteShellException;

  /** {@link #exec} collecting the output only. */
  default ExecResult run(String command, Duration timeout) throws RemoteShellException {
    return exec(command, LineListener.NONE, LineListener.NONE, timeout);
  }

  /** Closes the connection; idempotent. */
  @Override
  void close();
}
