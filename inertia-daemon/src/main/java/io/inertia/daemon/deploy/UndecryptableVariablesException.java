package io.inertia.daemon.deploy;

import java.util.List;

/**
 * Stored environment variables that cannot be decrypted (wrong or lost key). A deploy stops rather than start the
 * project without its secrets (the original printed the error and continued).
 */
public final class UndecryptableVariablesException extends DeploymentException {
  private final List<String> names;

  public UndecryptableVariablesException(List<String> names, Throwable cause) {
    super(500, "failed to build project", "cannot decrypt environment variables: " + String.join(", ", names), cause);
    this.names = List.copyOf(names);
  }

  public List<String> names() {
    return names;
  }
}
