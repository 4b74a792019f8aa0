package io.inertia.daemon.docker;

import java.util.Map;

/** The labels on every Docker object the daemon creates; only objects carrying them are ever touched. */
final class Labels {
  static final String PROJECT = "io.inertia.project";
  static final String RELEASE = "io.inertia.release";
  static final String ROLE = "io.inertia.role";
  static final String ROLE_APP = "app";
  static final String ROLE_RUNNER = "compose-runner";

  private Labels() {}

  static Map<String, String> of(String project, long release, String role) {
    return Map.of(PROJECT, project, RELEASE, Long.toString(release), ROLE, role);
  }
}
