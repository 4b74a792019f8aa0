package io.inertia.daemon.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One recorded deploy. The environment is recorded as its variable names plus a hash of the values, never the
 * values: a rollback re-uses the current values of the variables (documented deviation).
 *
 * @param log the deploy's output, the last {@link DeploymentService#LOG_CAP_BYTES} bytes
 */
public record Release(
    long id,
    String project,
    String branch,
    String commit,
    String commitMessage,
    BuildType buildType,
    String buildFile,
    List<String> envNames,
    String envHash,
    DeployRequest.Trigger trigger,
    State state,
    String detail,
    Instant startedAt,
    Optional<Instant> finishedAt,
    String log) {

  /** Life cycle of a release. */
  public enum State {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  public Release {
    envNames = List.copyOf(envNames);
    finishedAt = finishedAt == null ? Optional.empty() : finishedAt;
    detail = detail == null ? "" : detail;
    log = log == null ? "" : log;
  }
}
