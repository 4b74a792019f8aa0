package io.inertia.daemon.webhook;

/**
 * What {@link Webhooks#receive} made of a request. Status codes for the handler:
 *
 * <ul>
 *   <li>{@link Ping} → 202 {@value #ACCEPTED_MESSAGE}
 *   <li>{@link Push} → 202 {@value #ACCEPTED_MESSAGE}, whatever the {@link WebhookDecider} then decides (deploy,
 *       ignore, duplicate): the original answers every push alike and the Git host needs no more
 *   <li>{@link Rejected} → {@link Rejected#status()} (always 4xx), envelope {@code message} = {@link
 *       Rejected#summary()}, {@code error} = {@link Rejected#error()}
 * </ul>
 */
public sealed interface WebhookResult {
  /** The original's answer to every accepted webhook (docs/original.md#endpoints). */
  String ACCEPTED_MESSAGE = "I'm a little Webhook, short and stout!";

  /** The host that sent it, or null for a rejection before the host was known. */
  Host host();

  /** A GitHub {@code ping} (sent when the hook is created). */
  record Ping(Host host, String event, String deliveryId) implements WebhookResult {}

  /**
   * A verified push.
   *
   * @param event the event header value ({@code push}, {@code Push Hook}, {@code Tag Push Hook}, {@code repo:push})
   * @param deliveryId the host's delivery id, or an empty string when the host sent none
   * @param repoName repository name ({@code repo}, not {@code owner/repo}), as the original logs it
   * @param sshUrl repository SSH clone URL from the payload
   * @param httpUrl repository HTTPS clone URL from the payload
   * @param ref full ref, {@code refs/heads/main} or {@code refs/tags/v1}
   * @param branch {@code GitRefs.shortName(ref)}: {@code main}, {@code feat/x}, {@code v1}
   * @param commit the pushed head commit id, or null when the payload has none (a deletion)
   * @param deleted the ref was deleted
   * @param tag the ref is a tag
   */
  record Push(
      Host host,
      String event,
      String deliveryId,
      String repoName,
      String sshUrl,
      String httpUrl,
      String ref,
      String branch,
      String commit,
      boolean deleted,
      boolean tag)
      implements WebhookResult {}

  /**
   * The request was refused; nothing else happens. Never a 5xx: every cause is the request's or the operator's.
   *
   * @param status 400 (unreadable, unverifiable or unparsable payload, as the original), 403 (no webhook secret is
   *     configured on the daemon), 413 (payload larger than {@link Webhooks#MAX_BODY_BYTES})
   * @param summary the envelope {@code message}: "unable to verify payload", "unable to parse payload", …
   * @param error the envelope {@code error}: the detail, e.g. "payload signature check failed"
   */
  record Rejected(Host host, int status, String summary, String error) implements WebhookResult {
    /** One line for logs and the delivery list: {@code summary: error}. */
    public String message() {
      return error == null || error.isEmpty() ? summary : summary + ": " + error;
    }
  }
}
