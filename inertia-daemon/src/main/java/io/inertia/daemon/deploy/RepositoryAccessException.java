package io.inertia.daemon.deploy;

/** The git host rejected the deploy key (or its host key did not verify): 412 with the original's message. */
public final class RepositoryAccessException extends DeploymentException {
  public RepositoryAccessException(String publicKey, String detail, Throwable cause) {
    super(
        412,
        "Access to project repository rejected; did you forget to add\n"
            + "Inertia's deploy key to your repository settings?\n"
            + publicKey,
        detail,
        cause);
  }
}
