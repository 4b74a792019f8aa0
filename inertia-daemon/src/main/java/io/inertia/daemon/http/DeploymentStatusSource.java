package io.inertia.daemon.http;

import io.inertia.common.api.DeploymentStatus;
import io.inertia.daemon.deploy.DeploymentService;

/**
 * {@code GET /status} from the deployment service. {@code version} is the daemon's; {@code new_version_available}
 * stays null (the daemon makes no outbound calls to look for releases).
 */
public final class DeploymentStatusSource implements StatusSource {
  private final DeploymentService deployments;
  private final String version;

  public DeploymentStatusSource(DeploymentService deployments, String version) {
    this.deployments = deployments;
    this.version = version;
  }

  @Override
  public DeploymentStatus status() {
    io.inertia.daemon.deploy.DeploymentStatus s = deployments.status();
    return new DeploymentStatus(
        s.branch(), s.commitHash(), s.commitMessage(), s.buildType(), s.containers(), s.buildActive(), version, null);
  }
}
