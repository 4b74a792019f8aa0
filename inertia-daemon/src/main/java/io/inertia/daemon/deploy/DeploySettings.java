package io.inertia.daemon.deploy;

import java.util.List;
import java.util.Optional;

/**
 * What the daemon deploys and how; persisted so a daemon restart keeps status and webhooks working.
 *
 * @param project project name (compose project name, container/image name)
 * @param remoteUrl git remote as the CLI sent it
 * @param branch branch deployed and watched by webhooks
 * @param buildType builder
 * @param buildFile build file relative to the project root; blank means the builder's default
 * @param slackUrls Slack incoming-webhook URLs (accumulate, as in the original)
 * @param intermediaryContainers containers allowed to exit (one-shot tasks)
 * @param currentReleaseId the release now serving, if any
 */
public record DeploySettings(
    String project,
    String remoteUrl,
    String branch,
    BuildType buildType,
    String buildFile,
    List<String> slackUrls,
    List<String> intermediaryContainers,
    Optional<Long> currentReleaseId) {

  public DeploySettings {
    project = project == null ? "" : project;
    remoteUrl = remoteUrl == null ? "" : remoteUrl;
    branch = branch == null ? "" : branch;
    buildType = buildType == null ? BuildType.DOCKER_COMPOSE : buildType;
    buildFile = buildFile == null ? "" : buildFile;
    slackUrls = List.copyOf(slackUrls == null ? List.of() : slackUrls);
    intermediaryContainers = List.copyOf(intermediaryContainers == null ? List.of() : intermediaryContainers);
    currentReleaseId = currentReleaseId == null ? Optional.empty() : currentReleaseId;
  }

  /** Nothing configured yet. */
  public static DeploySettings empty() {
    return new DeploySettings("", "", "", BuildType.DOCKER_COMPOSE, "", List.of(), List.of(), Optional.empty());
  }

  /** True once a project has been set up by {@code up}. */
  public boolean configured() {
    return !project.isBlank() && !remoteUrl.isBlank() && !branch.isBlank();
  }

  /** The build file to use: the configured one or the builder's default. */
  public String effectiveBuildFile() {
    return buildFile.isBlank() ? buildType.defaultFile() : buildFile;
  }

  public DeploySettings withCurrentRelease(Optional<Long> id) {
    return new DeploySettings(
        project, remoteUrl, branch, buildType, buildFile, slackUrls, intermediaryContainers, id);
  }
}
