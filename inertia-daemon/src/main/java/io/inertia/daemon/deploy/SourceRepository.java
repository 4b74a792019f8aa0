package io.inertia.daemon.deploy;

import java.util.Optional;

/**
 * Port: the project's git working tree (adapter: {@code git.JGitSourceRepository}). Blocking. {@link #initialise},
 * {@link #update} and {@link #removeAll} are called one at a time (deploy worker or under the service's operation
 * lock); {@link #initialised}, {@link #originUrl} and {@link #head} may run concurrently with them (status) and
 * must only read. Progress lines go to the given sink. Failures throw {@link RepositoryAccessException} (deploy key rejected, host key not
 * verified) or {@link SourceException}.
 */
public interface SourceRepository {
  /** A checked-out commit. */
  record Commit(String hash, String message, String branch) {}

  /** True when the project directory holds a repository with a resolvable HEAD. */
  boolean initialised();

  /** The URL of remote {@code origin}, if a repository exists. */
  Optional<String> originUrl();

  /** The checked-out commit, if any. */
  Optional<Commit> head();

  /**
   * Sets up the repository from scratch: removes only {@code .git} of any previous repository (files sent with
   * {@code inertia send} and {@code /persist} stay), then adds remote {@code origin} = {@code remoteUrl}.
   */
  void initialise(String remoteUrl, LineSink log);

  /**
   * Fetches {@code origin}, checks out {@code branch} and resets it hard to {@code origin/<branch>}, or to {@code
   * commit} when given (rollback). Never merges. Untracked files survive.
   */
  Commit update(String branch, Optional<String> commit, LineSink log);

  /** Deletes everything in the project directory, {@code .git} included (reset). */
  void removeAll();
}
