package io.inertia.daemon.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: persistence of deploy settings and releases (adapter: {@code store.SqliteDeploymentStore}). Thread-safe,
 * blocking, each call atomic.
 */
public interface DeploymentStore {
  DeploySettings loadSettings();

  void saveSettings(DeploySettings settings);

  /** Records a release in state RUNNING (commit may still be empty) and returns its id. */
  long createRelease(Release release);

  /** Records how a release ended. */
  void finishRelease(
      long id, String commit, String commitMessage, Release.State state, String detail, String log, Instant at);

  /** All releases, newest first. */
  List<Release> releases();

  Optional<Release> release(long id);

  /** Notes what a RUNNING release is doing now (kept in its detail until it ends). */
  void recordPhase(long id, String phase);

  /**
   * Marks every RUNNING release FAILED with {@code detail} (daemon restart mid-deploy), followed by {@code " while
   * <phase>"} when a phase was recorded; returns how many.
   */
  int failRunningReleases(String detail, Instant at);

  /** True when the project was taken down on purpose ({@code down}) and no deploy has run since. */
  boolean takenDown();

  /** Records whether the project is down on purpose (a daemon restart then leaves it down). */
  void recordTakenDown(boolean down);
}
