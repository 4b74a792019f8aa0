package io.inertia.daemon.deploy;

import java.util.List;
import java.util.Optional;

/**
 * One {@code up} (or webhook, or rollback) request. Blank fields keep the stored setting (docs/original.md#the-up-flow
 * {@code SetConfig}); {@code intermediaryContainers} always replaces it; a new Slack URL is added.
 *
 * @param commit deploy exactly this commit instead of the branch head (rollback)
 * @param rollbackOf the release a rollback redeploys (builders may reuse its artifacts)
 */
public record DeployRequest(
    String project,
    String remoteUrl,
    String branch,
    String buildType,
    String buildFile,
    List<String> intermediaryContainers,
    String slackUrl,
    Trigger trigger,
    Optional<String> commit,
    Optional<Long> rollbackOf) {

  /** Who asked for the deploy; recorded with the release. */
  public enum Trigger {
    USER,
    WEBHOOK,
    ROLLBACK,
    /** The daemon started again and the current release was not running (see {@code Reconciler}). */
    RESTORE
  }

  public DeployRequest {
    project = blankToEmpty(project);
    remoteUrl = blankToEmpty(remoteUrl);
    branch = blankToEmpty(branch);
    buildType = blankToEmpty(buildType);
    buildFile = blankToEmpty(buildFile);
    intermediaryContainers = List.copyOf(intermediaryContainers == null ? List.of() : intermediaryContainers);
    slackUrl = blankToEmpty(slackUrl);
    trigger = trigger == null ? Trigger.USER : trigger;
    commit = commit == null ? Optional.empty() : commit;
    rollbackOf = rollbackOf == null ? Optional.empty() : rollbackOf;
  }

  /** A user {@code up} with the fields of the original's {@code UpRequest}. */
  public static DeployRequest up(
      String project,
      String remoteUrl,
      String branch,
      String buildType,
      String buildFile,
      List<String> intermediaryContainers,
      String slackUrl) {
    return new DeployRequest(
        project, remoteUrl, branch, buildType, buildFile, intermediaryContainers, slackUrl, Trigger.USER,
        Optional.empty(), Optional.empty());
  }

  private static String blankToEmpty(String s) {
    return s == null ? "" : s.trim();
  }
}
