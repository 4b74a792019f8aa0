package io.inertia.daemon.deploy;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides at daemon start whether the current release must be started again: the daemon may have been killed while
 * switching releases (old containers stopped, new ones not started), or the project's containers may be gone for
 * another reason. The current release is restored when a project is configured, it has a current release that
 * succeeded, the project was not taken down on purpose ({@code down}), and none of its containers runs.
 */
final class Reconciler {
  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  private final ContainerEngine engine;
  private final DeploymentStore store;

  Reconciler(ContainerEngine engine, DeploymentStore store) {
    this.engine = engine;
    this.store = store;
  }

  /** The release to start again, if any; the reason for leaving things alone is logged. */
  Optional<Release> releaseToRestore(DeploySettings settings) {
    if (!settings.configured() || settings.currentReleaseId().isEmpty()) {
      return Optional.empty();
    }
    long id = settings.currentReleaseId().get();
    if (store.takenDown()) {
      LOG.info("{} was taken down on purpose; release {} is not started again", settings.project(), id);
      return Optional.empty();
    }
    Optional<Release> current = store.release(id);
    if (current.isEmpty() || current.get().state() != Release.State.SUCCEEDED || current.get().commit().isBlank()) {
      LOG.warn("current release {} of {} is not a succeeded release; nothing to start", id, settings.project());
      return Optional.empty();
    }
    try {
      if (!engine.projectContainers(settings.project()).isEmpty()) {
        return Optional.empty();
      }
    } catch (RuntimeException e) {
      LOG.warn("cannot list the containers of {}: {}; release {} is not checked", settings.project(), e.getMessage(),
          id);
      return Optional.empty();
    }
    LOG.warn("release {} of {} is current but none of its containers runs: starting it again", id,
        settings.project());
    return current;
  }
}
