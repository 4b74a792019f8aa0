package io.inertia.daemon.webhook;

/**
 * What is deployed now, as the decider needs it.
 *
 * @param active a deployment exists (the original: a commit hash is known)
 * @param remoteUrl the deployed project's git remote (any form {@code GitUrls} understands)
 * @param branch the deployed branch, e.g. {@code main}
 */
public record DeployedState(boolean active, String remoteUrl, String branch) {
  /** Nothing deployed yet. */
  public static DeployedState none() {
    return new DeployedState(false, "", "");
  }
}
