package io.inertia.daemon.webhook;

/** What the deploy queue did with a push the decider let through; recorded as the delivery's decision. */
public enum DeploySubmission {
  /** A deploy of the branch head is queued. */
  QUEUED,
  /** Nothing deployed: no project has been set up (or it was reset) since the push was decided on. */
  NO_PROJECT,
  /** Nothing deployed: the deployed branch changed since the push was decided on. */
  OTHER_BRANCH
}
