package io.inertia.common.config;

import java.util.List;
import java.util.Objects;

/**
 * The {@code [profile.build]} table.
 *
 * @param type the builder; never null
 * @param buildfile path of the Dockerfile or compose file relative to the repository root
 * @param intermediaryContainers {@code intermediary_containers}: containers whose exit must not stop the
 *     project (experimental in the original); empty when absent
 * @param unknownType the {@code type} exactly as written when it is not a known build type (for example
 *     {@code ""}), or null when the type is known. Such a profile is built with docker-compose, as the
 *     original's daemon builds any type other than {@code dockerfile}, and the value is written back
 *     unchanged.
 */
public record Build(
    BuildType type, String buildfile, List<String> intermediaryContainers, String unknownType) {
  public Build {
    Objects.requireNonNull(type, "type");
    buildfile = Strings.orEmpty(buildfile);
    intermediaryContainers =
        intermediaryContainers == null ? List.of() : List.copyOf(intermediaryContainers);
    if (unknownType != null && type != BuildType.DOCKER_COMPOSE) {
      throw new IllegalArgumentException("an unknown build type is built as docker-compose");
    }
  }

  /** A build of a known type. */
  public Build(BuildType type, String buildfile, List<String> intermediaryContainers) {
    this(type, buildfile, intermediaryContainers, null);
  }

  /** A build with no intermediary containers. */
  public Build(BuildType type, String buildfile) {
    this(type, buildfile, List.of());
  }

  /**
   * A build whose {@code type} is not one the daemon knows: treated as docker-compose, as the original
   * does, remembering the value as written.
   */
  public static Build ofUnknownType(
      String writtenType, String buildfile, List<String> intermediaryContainers) {
    return new Build(
        BuildType.DOCKER_COMPOSE, buildfile, intermediaryContainers, Strings.orEmpty(writtenType));
  }

  /** Whether the file gave a build type this project does not know. */
  public boolean hasUnknownType() {
    return unknownType != null;
  }

  /** The {@code type} value to write to the file: the unknown value as given, else the wire name. */
  public String writtenType() {
    return hasUnknownType() ? unknownType : type.wireName();
  }
}
