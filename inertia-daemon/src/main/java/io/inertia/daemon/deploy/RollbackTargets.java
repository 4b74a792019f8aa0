package io.inertia.daemon.deploy;

/** Which release a rollback redeploys: a named succeeded release, or the newest succeeded one before the current. */
final class RollbackTargets {
  private RollbackTargets() {}

  /** @throws ReleaseNotFoundException 404 for an unknown or failed release */
  static Release succeeded(DeploymentStore store, long id) {
    Release r =
        store.release(id).orElseThrow(() -> new ReleaseNotFoundException(404, "release " + id + " does not exist"));
    if (r.state() != Release.State.SUCCEEDED || r.commit().isBlank()) {
      throw new ReleaseNotFoundException(404, "release " + id + " did not succeed");
    }
    return r;
  }

  /** @throws ReleaseNotFoundException 412 when there is nothing to roll back to */
  static Release previous(DeploymentStore store, DeploySettings s) {
    long current = s.currentReleaseId().orElse(Long.MAX_VALUE);
    String currentCommit = s.currentReleaseId().flatMap(store::release).map(Release::commit).orElse("");
    return store.releases().stream()
        .filter(r -> r.id() < current && r.state() == Release.State.SUCCEEDED && !r.commit().isBlank())
        .filter(r -> !r.commit().equals(currentCommit))
        .findFirst()
        .orElseThrow(() -> new ReleaseNotFoundException(412, "there is no earlier successful release"));
  }
}
