package io.inertia.daemon.docker;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the Docker adapters find things, as the daemon sees them (translated with {@link HostPaths} for mounts).
 *
 * @param projectDir the git working tree ({@code INERTIA_PROJECT_DIR})
 * @param persistDir the persistent directory mounted at {@code /persist} ({@code INERTIA_PERSIST_DIR})
 * @param dataDir the daemon's data dir; generated compose override files live under {@code <dataDir>/compose}
 * @param composeImage compose runner image ({@code INERTIA_COMPOSE_IMAGE}, default {@code docker:26-cli})
 * @param publishAddress host address Dockerfile projects' ports are published on ({@code 0.0.0.0} as the
 *     original; tests use {@code 127.0.0.1})
 * @param buildTimeout upper bound of one build or compose run
 */
public record DockerSettings(
    Path projectDir,
    Path persistDir,
    Path dataDir,
    HostPaths hostPaths,
    String composeImage,
    String publishAddress,
    Duration buildTimeout) {
  public static final String DEFAULT_COMPOSE_IMAGE = "docker:26-cli";

  /** Settings from the daemon's environment ({@code INERTIA_*}, {@code HOME}), with the original's defaults. */
  public static DockerSettings fromEnvironment() {
    return new DockerSettings(
        Path.of(env("INERTIA_PROJECT_DIR", "/app/host/inertia/project/")),
        Path.of(env("INERTIA_PERSIST_DIR", "/app/host/inertia/persist")),
        Path.of(env("INERTIA_DATA_DIR", "/app/host/inertia/data/")),
        HostPaths.fromEnvironment(),
        env("INERTIA_COMPOSE_IMAGE", DEFAULT_COMPOSE_IMAGE),
        env("INERTIA_PUBLISH_ADDRESS", "0.0.0.0"),
        Duration.ofMinutes(30));
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
