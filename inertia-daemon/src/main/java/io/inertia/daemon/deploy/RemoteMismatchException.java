package io.inertia.daemon.deploy;

/** {@code up} named another repository than the one deployed: 412 with the original's message. */
public final class RemoteMismatchException extends DeploymentException {
  public RemoteMismatchException(String current, String requested) {
    super(
        412,
        "The given remote URL does not match that of the repository in\nyour remote - try 'inertia [remote] reset'",
        "deployed: " + current + ", requested: " + requested,
        null);
  }
}
