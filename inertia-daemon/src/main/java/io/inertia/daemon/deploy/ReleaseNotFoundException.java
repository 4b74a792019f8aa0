package io.inertia.daemon.deploy;

/** Rollback to a release that does not exist or never succeeded: 404 (or 412 when there is none to roll back to). */
public final class ReleaseNotFoundException extends DeploymentException {
  public ReleaseNotFoundException(int status, String detail) {
    super(status, "no release to roll back to", detail, null);
  }
}
