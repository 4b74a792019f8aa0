package io.inertia.daemon.http;

import io.inertia.common.api.ApiPaths;
import io.inertia.common.api.Release;
import io.inertia.daemon.deploy.DeploymentService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code GET /releases} (user; new in this port): every recorded deploy, newest first, the serving one marked. */
public final class ReleasesHandler implements RouteGroup {
  private final DeploymentService deployments;

  public ReleasesHandler(DeploymentService deployments) {
    this.deployments = deployments;
  }

  @Override
  public void register(Routes routes) {
    routes.get(
        ApiPaths.RELEASES,
        Role.USER,
        ctx -> {
          Optional<Long> current = deployments.settings().currentReleaseId();
          List<Release> releases = deployments.releases().stream().map(r -> wire(r, current)).toList();
          Responses.ok(ctx, 200, "releases retrieved", "releases", releases);
        });
  }

  static Release wire(io.inertia.daemon.deploy.Release r, Optional<Long> current) {
    return new Release(
        r.id(),
        r.commit(),
        r.commitMessage(),
        r.branch(),
        r.buildType().wireName(),
        r.buildFile(),
        r.trigger().name().toLowerCase(Locale.ROOT),
        r.startedAt().toString(),
        r.finishedAt().map(Object::toString).orElse(""),
        r.state().name().toLowerCase(Locale.ROOT),
        r.detail(),
        current.isPresent() && current.get() == r.id());
  }
}
