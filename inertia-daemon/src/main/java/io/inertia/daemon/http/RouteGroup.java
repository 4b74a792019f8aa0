package io.inertia.daemon.http;

import java.util.Map;

/**
 * A set of endpoints plugged into {@link DaemonServer} at wiring time (for example the deployment endpoints {@code
 * /up}, {@code /down}, {@code /logs}). Implementations live in this package, register their routes with a {@link
 * Role} each, and throw exceptions for failures: the server turns them into envelopes.
 */
@FunctionalInterface
public interface RouteGroup {
  void register(Routes routes);

  /** Per path, what to do with a request body before it is received (see {@link BodyWatch}); none by default. */
  default Map<String, BodyWatch.Factory> bodyWatches() {
    return Map.of();
  }
}
