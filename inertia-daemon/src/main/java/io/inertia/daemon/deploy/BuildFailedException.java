package io.inertia.daemon.deploy;

/** The new release did not build; the old one keeps running. 500 "failed to build project". */
public final class BuildFailedException extends DeploymentException {
  public BuildFailedException(String detail, Throwable cause) {
    super(500, "failed to build project", detail, cause);
  }
}
