package io.inertia.daemon.deploy;

import java.util.Map;
import java.util.Optional;

/**
 * Port: one build type (adapters: {@code docker.ComposeBuilder}, {@code docker.DockerfileBuilder}). Build and
 * activation are separate so a failed build never touches the running release. Blocking; called from the deploy
 * worker only. Output (including the engine's build output) goes line by line to the sink.
 */
public interface ProjectBuilder {
  /**
   * What to build.
   *
   * @param buildFile path relative to the project root
   * @param env decrypted environment variables for the project (never logged)
   * @param reuseRelease for a rollback, the release whose build output may be reused instead of rebuilding
   */
  record BuildSpec(
      String project,
      long releaseId,
      String commit,
      String buildFile,
      Map<String, String> env,
      Optional<Long> reuseRelease) {
    public BuildSpec {
      env = Map.copyOf(env);
      reuseRelease = reuseRelease == null ? Optional.empty() : reuseRelease;
    }
  }

  /** A release ready to be started. */
  record Built(BuildSpec spec) {}

  /** Builds the release while the old one keeps running. @throws BuildFailedException on any failure */
  Built build(BuildSpec spec, LineSink log);

  /** Replaces the running release with {@code built}. @throws DeployFailedException on any failure */
  void activate(Built built, LineSink log);
}
