package io.inertia.daemon.deploy;

/** Nothing is deployed (down, webhook, rollback without a project): 412 with the original's message. */
public final class NoActiveDeploymentException extends DeploymentException {
  public NoActiveDeploymentException() {
    super(412, "No deployment is currently active on this remote - try running 'inertia [remote] up'", "", null);
  }
}
