package io.inertia.cli.bootstrap;

import java.util.List;

/**
 * A bootstrap or lifecycle step failed. The message says which step, what the remote said (the last
 * lines of its standard error) and what to do.
 */
public final class BootstrapException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String step;
  private final List<String> remoteErrors;

  public BootstrapException(
      String step, String what, List<String> remoteErrors, String hint, Throwable cause) {
    super(format(step, what, remoteErrors, hint), cause);
    this.step = step;
    this.remoteErrors = List.copyOf(remoteErrors);
  }

  public BootstrapException(String step, String what, List<String> remoteErrors, String hint) {
    this(step, what, remoteErrors, hint, null);
  }

  /** The step, e.g. {@code Step 1/4 (install Docker)}. */
  public String step() {
    return step;
  }

  /** The last lines of the remote command's standard error (possibly empty). */
  public List<String> remoteErrors() {
    return remoteErrors;
  }

  private static String format(String step, String what, List<String> errors, String hint) {
    StringBuilder b = new StringBuilder(step).append(" failed: ").append(what);
    if (!errors.isEmpty()) {
      b.append("\nThe remote said:");
      for (String line : errors) {
        b.append("\n  ").append(line);
      }
    }
    if (hint != null && !hint.isEmpty()) {
      b.append('\n').append(hint);
    }
    return b.toString();
  }
}
