package io.inertia.daemon.docker;

import java.nio.file.Path;

/**
 * Translates paths the daemon sees into paths on the Docker host, for bind mounts (docs/original.md#builders): the daemon
 * container mounts the host's {@code $HOME} at {@code /app/host}, so {@code /app/host/x} is {@code $HOME/x} on the
 * host. When the daemon runs directly on the host (tests), there is no prefix and paths pass unchanged.
 */
public record HostPaths(Path containerPrefix, Path hostHome) {
  /** {@code /app/host} → {@code $HOME} when {@code HOME} is set and the daemon runs in its container. */
  public static HostPaths fromEnvironment() {
    String home = System.getenv("HOME");
    return new HostPaths(Path.of("/app/host"), home == null || home.isBlank() ? null : Path.of(home));
  }

  /** No translation (daemon on the host). */
  public static HostPaths identity() {
    return new HostPaths(Path.of("/app/host"), null);
  }

  public Path toHost(Path daemonPath) {
    Path p = daemonPath.toAbsolutePath().normalize();
    if (hostHome != null && p.startsWith(containerPrefix)) {
      return hostHome.resolve(containerPrefix.relativize(p));
    }
    return p;
  }
}
