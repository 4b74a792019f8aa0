package io.inertia.daemon.deploy;

import java.util.regex.Pattern;

/**
 * Which containers' logs {@code GET /logs} may read: the daemon's own container ({@value #DAEMON_CONTAINER}) and
 * containers the daemon created for a project (label {@code io.inertia.project}). Any other container on the host is
 * "not found", exactly like a missing one. Names are checked against {@link #NAME} before the engine is asked anything,
 * so a crafted name cannot reach another Docker API path.
 */
public final class LogAccess {
  /** The daemon's own container, the default of {@code /logs}. */
  public static final String DAEMON_CONTAINER = "/inertia-daemon";

  /** A Docker container name or id, with or without the leading {@code /}. */
  public static final Pattern NAME = Pattern.compile("^/?[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$");

  private LogAccess() {}

  /** Whether {@code container} is a well-formed name. */
  public static boolean validName(String container) {
    return container != null && NAME.matcher(container).matches();
  }

  /**
   * @throws DeploymentException 400 "invalid container name" for a malformed name; 404 "container not found" for a
   *     container that is missing or not one of the daemon's
   */
  static void require(ContainerEngine engine, String container) {
    if (!validName(container)) {
      throw new DeploymentException(
          400, "invalid container name", "use letters, digits, '_', '.' and '-' (at most 128)", null);
    }
    String name = container.startsWith("/") ? container : "/" + container;
    if (!name.equals(DAEMON_CONTAINER) && !engine.isProjectContainer(name)) {
      throw EngineException.notFound(name);
    }
  }
}
