package io.inertia.common.config;

/** How a profile is built (docs/original.md#the-project-file {@code profile.build.type}). */
public enum BuildType {
  /** A plain {@code docker build} of a Dockerfile. */
  DOCKERFILE("dockerfile"),
  /** A {@code docker-compose} project. */
  DOCKER_COMPOSE("docker-compose");

  private final String wireName;

  BuildType(String wireName) {
    this.wireName = wireName;
  }

  /** The value as written in {@code inertia.toml} and sent to the daemon. */
  public String wireName() {
    return wireName;
  }

  /**
   * Parses a wire value exactly ({@code dockerfile} or {@code docker-compose}).
   *
   * @throws IllegalArgumentException with the original's message "type 'x' is not a valid build type"
   */
  public static BuildType fromWireName(String value) {
    BuildType t = fromWireNameOrNull(value);
    if (t == null) {
      throw new IllegalArgumentException("type '" + value + "' is not a valid build type");
    }
    return t;
  }

  /** The type with exactly this wire name, or null. */
  public static BuildType fromWireNameOrNull(String value) {
    for (BuildType t : values()) {
      if (t.wireName.equals(value)) {
        return t;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
