package io.inertia.cli.daemon;

/**
 * A daemon call failed. The message is already rendered as the original client renders it (see
 * docs/original.md#client-errors): {@code [error <code>] <message>: (<error>)}, the token-expired hint,
 * or "daemon on remote appears offline or inaccessible". {@link #code()} is the HTTP status, or 0 when
 * the daemon was not reached.
 */
public class DaemonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final String hint;

  public DaemonException(String message, int code, String hint, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.hint = hint;
  }

  public int code() {
    return code;
  }

  /** What to try next, or null. */
  public String hint() {
    return hint;
  }
}
