package io.inertia.daemon.http;

import io.inertia.common.Version;
import io.inertia.common.api.DeploymentStatus;
import java.util.List;

/**
 * Where {@code GET /status} gets the deployment's state; the deployment engine implements it. May block briefly
 * (Docker and git queries); must be thread-safe.
 */
@FunctionalInterface
public interface StatusSource {
  /** The current status. @throws RuntimeException when it cannot be computed (answered 500 "failed to get status") */
  DeploymentStatus status();

  /** A source for a daemon with nothing deployed (used until the engine is wired). */
  static StatusSource nothingDeployed() {
    return () -> new DeploymentStatus("", "", "", "", List.of(), false, Version.current(), null);
  }
}
