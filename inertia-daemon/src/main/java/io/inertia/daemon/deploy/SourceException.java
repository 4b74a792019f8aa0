package io.inertia.daemon.deploy;

/**
 * Git failed for another reason than access (branch missing, repository broken, I/O). Status 412 while setting up
 * a new project (the original answers 412 for any initialise error), 500 otherwise.
 */
public final class SourceException extends DeploymentException {
  public SourceException(String message, Throwable cause) {
    super(500, "failed to build project", message, cause);
  }

  private SourceException(int status, String message, String detail, Throwable cause) {
    super(status, message, detail, cause);
  }

  /** The same failure reported as a setup failure (412). */
  SourceException asSetupFailure() {
    return new SourceException(412, "failed to set up project repository", detail(), getCause());
  }
}
