package io.inertia.daemon.deploy;

/**
 * A deployment failure the HTTP layer maps to its envelope: {@link #status()} is the HTTP status, {@link
 * #getMessage()} the envelope {@code message} (the original's wording), {@link #detail()} the envelope {@code error}.
 */
public class DeploymentException extends RuntimeException {
  private final int status;
  private final String detail;

  public DeploymentException(int status, String message, String detail, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.detail = detail == null ? "" : detail;
  }

  public int status() {
    return status;
  }

  /** The underlying error text (may be empty). */
  public String detail() {
    return detail;
  }
}
