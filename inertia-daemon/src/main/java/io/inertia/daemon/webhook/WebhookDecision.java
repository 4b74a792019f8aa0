package io.inertia.daemon.webhook;

/** What a verified push leads to; both answer the Git host 202 (see {@link WebhookResult}). */
public sealed interface WebhookDecision {
  /** Redeploy {@code branch} at {@code commit} (null when the payload named no commit: deploy the branch head). */
  record Deploy(String branch, String commit) implements WebhookDecision {}

  /** Do nothing; {@code reason} is the line the daemon logs and the delivery list shows. */
  record Ignore(String reason) implements WebhookDecision {}

  /** Nothing is deployed yet, so a push cannot redeploy anything. */
  record NoProject() implements WebhookDecision {}
}
