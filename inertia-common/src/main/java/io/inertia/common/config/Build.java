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
 */
public record Build(BuildType type, String buildfile, List<String> intermediaryContainers) {
  public Build {
    Objects.requireNonNull(type, "type");
    buildfile = Strings.orEmpty(buildfile);
    intermediaryContainers =
        intermediaryContainers == null ? List.of() : List.copyOf(intermediaryContainers);
  }

  /** A build with no intermediary containers. */
  public Build(BuildType type, String buildfile) {
    this(type, buildfile, List.of());
  }
}
