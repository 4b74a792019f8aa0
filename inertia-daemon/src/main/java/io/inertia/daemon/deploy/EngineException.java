package io.inertia.daemon.deploy;

/** A container-engine operation outside a build failed (down, prune, logs); {@code message} names the operation. */
public final class EngineException extends DeploymentException {
  public EngineException(String message, String detail, Throwable cause) {
    super(500, message, detail, cause);
  }

  /** A missing container (logs of an unknown name): 404. */
  public static EngineException notFound(String what) {
    return new EngineException(404, what);
  }

  private EngineException(int status, String what) {
    super(status, "container not found", what, null);
  }
}
