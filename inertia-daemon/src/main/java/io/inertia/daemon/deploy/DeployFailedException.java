package io.inertia.daemon.deploy;

/** The release built but could not be started. 500 "failed to deploy project". */
public final class DeployFailedException extends DeploymentException {
  public DeployFailedException(String detail, Throwable cause) {
    super(500, "failed to deploy project", detail, cause);
  }
}
