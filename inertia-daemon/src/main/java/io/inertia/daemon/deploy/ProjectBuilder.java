package io.inertia.daemon.deploy;

import java.util.Map;

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
   */
  record BuildSpec(String project, long releaseId, String commit, String buildFile, Map<String, String> env) {
    public BuildSpec {
      env = Map.copyOf(env);
    }
  }

  /** A release ready to be started. */
  record Built(BuildSpec spec) {}

  /** Builds the release while the old one keeps running. @throws BuildFailedException on any failure */
  Built build(BuildSpec spec, LineSink log);

  /** Replaces the running release with {@code built}. @throws DeployFailedException on any failure */
  void activate(Built built, LineSink log);
}
