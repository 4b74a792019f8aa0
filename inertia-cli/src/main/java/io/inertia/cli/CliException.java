package io.inertia.cli;

/**
 * A failure the user can act on: the message says what happened, the hint what to try next. The CLI
 * prints {@code error: <message>} and the hint, and exits 1 (no stack trace unless {@code --debug}).
 */
public class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String hint;

  public CliException(String message) {
    this(message, null, null);
  }

  public CliException(String message, String hint) {
    this(message, hint, null);
  }

  public CliException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint;
  }

  /** What to try next, or null. */
  public String hint() {
    return hint;
  }
}
