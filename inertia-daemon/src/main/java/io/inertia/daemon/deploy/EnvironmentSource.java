package io.inertia.daemon.deploy;

import java.util.Map;

/**
 * Port: the project's environment variables, decrypted (owned by the env-store component). Called once per deploy
 * from the deploy worker; must be thread-safe.
 */
@FunctionalInterface
public interface EnvironmentSource {
  /**
   * All variables by name.
   *
   * @throws UndecryptableVariablesException naming every variable that cannot be decrypted
   */
  Map<String, String> variables();

  /** No variables. */
  static EnvironmentSource none() {
    return Map::of;
  }
}
