package io.inertia.daemon.deploy;

import java.time.Duration;
import java.util.List;

/**
 * Port: project-scoped container operations (adapter: {@code docker.DockerJavaEngine}). Only objects labelled
 * {@code io.inertia.project=<project>} are ever listed, stopped or removed. Blocking and thread-safe. Failures
 * throw {@link EngineException}.
 */
public interface ContainerEngine {
  /** Names (with Docker's leading {@code /}) of the project's running containers, sorted. */
  List<String> projectContainers(String project);

  /** Stops and removes the project's containers and networks; images and volumes stay (rollback, data). */
  void stopProject(String project, LineSink log);

  /** Removes the project's stopped containers, unused networks, dangling images and unused old release images. */
  void prune(String project, LineSink log);

  /**
   * Whether {@code container} (a name already checked against {@link LogAccess#NAME}) exists and carries the {@code
   * io.inertia.project} label, i.e. the daemon created it for a project. False for missing or unlabelled containers.
   */
  boolean isProjectContainer(String container);

  /** The last {@code entries} lines of a container's stdout+stderr, without Docker's stream headers. */
  List<String> logs(String container, int entries);

  /**
   * Follows a container's log: the last {@code entries} lines, then new lines as they come (timestamped, as the
   * original's stream), delivered to {@code sink} on an engine thread until the container stops or the handle is
   * closed. Returns at once.
   */
  LogFollow followLogs(String container, int entries, LineSink sink);

  /** A running log follow. */
  interface LogFollow extends AutoCloseable {
    /** Stops following; idempotent. */
    @Override
    void close();

    /** Waits until the stream ended (container stopped or closed); true if it did within {@code timeout}. */
    boolean awaitEnd(Duration timeout) throws InterruptedException;
  }
}
