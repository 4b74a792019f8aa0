package io.inertia.daemon.deploy;

import java.util.Locale;

/** The two builders of the original (docs/original.md#builders); an unknown type falls back to docker-compose, as there. */
public enum BuildType {
  DOCKER_COMPOSE("docker-compose", "docker-compose.yml"),
  DOCKERFILE("dockerfile", "Dockerfile");

  private final String wireName;
  private final String defaultFile;

  BuildType(String wireName, String defaultFile) {
    this.wireName = wireName;
    this.defaultFile = defaultFile;
  }

  /** The name used in {@code inertia.toml} and the API ({@code docker-compose}, {@code dockerfile}). */
  public String wireName() {
    return wireName;
  }

  /** The build file used when none is configured. */
  public String defaultFile() {
    return defaultFile;
  }

  /** Parses a wire name case-insensitively; blank or unknown gives {@link #DOCKER_COMPOSE}. */
  public static BuildType parse(String name) {
    if (name != null && name.trim().toLowerCase(Locale.ROOT).equals(DOCKERFILE.wireName)) {
      return DOCKERFILE;
    }
    return DOCKER_COMPOSE;
  }
}
