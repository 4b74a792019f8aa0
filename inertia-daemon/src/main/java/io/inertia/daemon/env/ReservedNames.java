package io.inertia.daemon.env;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Variable names {@code POST /env} refuses, because in the project's containers (and in the compose runner, which
 * gets the same variables) they would break the container or hand control of it to whoever sets them. Compared
 * ignoring case. The list, with the reason each name gives, is in docs/api.md.
 */
public final class ReservedNames {
  /** Exact names. */
  static final Set<String> NAMES =
      Set.of("PATH", "HOME", "HOSTNAME", "PWD", "SHELL", "IFS", "ENV", "BASH_ENV", "GLIBC_TUNABLES");

  /** Name prefixes. */
  static final List<String> PREFIXES = List.of("LD_", "DOCKER_", "COMPOSE_", "BUILDX_", "INERTIA_");

  private ReservedNames() {}

  /** Why {@code name} is reserved, or empty when it may be set. */
  public static Optional<String> reason(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    if (n.equals("PATH")) {
      return Optional.of("it decides which programs the container runs");
    }
    if (n.startsWith("LD_") || n.equals("GLIBC_TUNABLES")) {
      return Optional.of("the dynamic loader reads it: it can load foreign code into every process");
    }
    if (n.equals("IFS") || n.equals("ENV") || n.equals("BASH_ENV") || n.equals("SHELL")) {
      return Optional.of("shells read it: it changes or injects what their scripts run");
    }
    if (NAMES.contains(n)) {
      return Optional.of("Docker sets it for the container; overriding it breaks programs that rely on it");
    }
    if (n.startsWith("DOCKER_") || n.startsWith("COMPOSE_") || n.startsWith("BUILDX_")) {
      return Optional.of("the compose runner's docker CLI reads it: it would redirect or change the deploy");
    }
    if (n.startsWith("INERTIA_")) {
      return Optional.of("the daemon sets INERTIA_* variables itself");
    }
    return Optional.empty();
  }
}
