package io.inertia.daemon.webhook;

import io.inertia.common.git.GitUrls;
import io.inertia.daemon.webhook.WebhookDecision.Deploy;
import io.inertia.daemon.webhook.WebhookDecision.Ignore;
import io.inertia.daemon.webhook.WebhookResult.Push;

/**
 * Decides whether a push redeploys, in the original's order (docs/original.md#webhooks {@code processPushEvent}): no deployment →
 * other repository → (tag push, branch deletion: new) → other branch → deploy. Pure and thread-safe.
 */
public final class WebhookDecider {
  /** The original's wording (also the 412 of {@code /down}). */
  public static final String NO_DEPLOYMENT =
      "No deployment is currently active on this remote - try running 'inertia [remote] up'";

  public static final String TAG_PUSH = "tag pushes do not deploy";
  public static final String BRANCH_DELETION = "branch deletion does not deploy";

  private WebhookDecider() {}

  public static WebhookDecision decide(Push push, DeployedState deployed) {
    if (deployed == null || !deployed.active()) {
      return new WebhookDecision.NoProject();
    }
    String remote = deployed.remoteUrl();
    if (Texts.isBlank(remote) || !(same(remote, push.sshUrl()) || same(remote, push.httpUrl()))) {
      return new Ignore(
          "Ignoring event: event repository "
              + push.sshUrl()
              + " does not match deployed repository "
              + (Texts.isBlank(remote) ? "(none)" : GitUrls.toSshForm(remote)));
    }
    if (push.tag()) {
      return new Ignore(TAG_PUSH);
    }
    if (push.deleted()) {
      return new Ignore(BRANCH_DELETION);
    }
    if (!push.branch().equals(deployed.branch())) {
      return new Ignore(
          "Ignoring event: event branch " + push.branch() + " does not match deployed branch " + deployed.branch());
    }
    return new Deploy(push.branch(), push.commit());
  }

  /** {@link GitUrls#sameRepository} treats a blank URL as a match; a payload URL must be present to match. */
  private static boolean same(String deployed, String payloadUrl) {
    return !Texts.isBlank(payloadUrl) && GitUrls.sameRepository(deployed, payloadUrl);
  }
}
