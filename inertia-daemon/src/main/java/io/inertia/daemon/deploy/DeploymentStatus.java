package io.inertia.daemon.deploy;

import java.util.List;

/**
 * What {@code GET /status} reports under {@code data.status} (docs/original.md#endpoints); {@code containers} holds only the
 * project's containers (Docker names with a leading {@code /}).
 */
public record DeploymentStatus(
    String branch,
    String commitHash,
    String commitMessage,
    String buildType,
    List<String> containers,
    boolean buildActive,
    String version) {
  public DeploymentStatus {
    containers = List.copyOf(containers);
  }
}
