package io.inertia.daemon.webhook;

import io.inertia.daemon.webhook.Delivery.Decision;
import io.inertia.daemon.webhook.WebhookDecision.Deploy;
import io.inertia.daemon.webhook.WebhookDecision.Ignore;
import io.inertia.daemon.webhook.WebhookResult.Ping;
import io.inertia.daemon.webhook.WebhookResult.Push;
import io.inertia.daemon.webhook.WebhookResult.Rejected;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The whole of {@code POST /webhook} without HTTP: receive → deduplicate → decide → hand a deploy to the queue →
 * record the delivery. The handler renders the returned {@link WebhookResponse} as the envelope.
 *
 * <p>Status codes: ping, push (deployed, ignored, no project or duplicate) → 202 {@value WebhookResult#ACCEPTED_MESSAGE};
 * rejected → its 4xx (see {@link WebhookResult.Rejected}). Thread-safe when its collaborators are. It blocks only
 * for the delivery store write and {@code deploys.accept}, which must enqueue and return at once (the original made
 * GitHub wait for the whole build, docs/original.md#webhooks).
 */
public final class WebhookService {
  private final WebhookConfig config;
  private final DeliveryLog log;
  private final Supplier<DeployedState> deployed;
  private final Function<Deploy, DeploySubmission> deploys;
  private final Clock clock;

  /**
   * @param deployed the current deployment (read once per push)
   * @param deploys the deploy queue's submit, saying whether a deploy was queued; a {@link RuntimeException} from it
   *     propagates (a daemon fault)
   */
  public WebhookService(
      WebhookConfig config,
      DeliveryLog log,
      Supplier<DeployedState> deployed,
      Function<Deploy, DeploySubmission> deploys,
      Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.log = Objects.requireNonNull(log, "log");
    this.deployed = Objects.requireNonNull(deployed, "deployed");
    this.deploys = Objects.requireNonNull(deploys, "deploys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The signature check to stream the body of the request with these headers through; see {@link BodyCheck}. */
  public BodyCheck bodyCheck(WebhookRequest headers) {
    return BodyCheck.start(headers, config);
  }

  /** Records and answers a delivery whose streamed body did not match its signature ({@link BodyCheck#matches()}). */
  public WebhookResponse rejectBody(WebhookRequest headers, BodyCheck check) {
    return reject(headers, check.mismatch());
  }

  public WebhookResponse handle(WebhookRequest request) {
    WebhookResult result = Webhooks.receive(request, config);
    if (result instanceof Rejected r) {
      return reject(request, r);
    }
    if (result instanceof Ping p) {
      Decision decision = log.claim(p.deliveryId()) ? Decision.PING : Decision.DUPLICATE;
      String reason = decision == Decision.PING ? "ping webhook received" : "duplicate delivery ignored";
      Delivery d = delivery(p.deliveryId(), p.host(), p.event(), "", "", null, decision, reason);
      log.record(d);
      return accepted(d);
    }
    Push push = (Push) result;
    if (!log.claim(push.deliveryId())) {
      Delivery d = pushDelivery(push, Decision.DUPLICATE, "duplicate delivery ignored");
      log.record(d);
      return accepted(d);
    }
    WebhookDecision decision = WebhookDecider.decide(push, deployed.get());
    Delivery d;
    if (decision instanceof Deploy deploy) {
      DeploySubmission submitted = deploys.apply(deploy);
      if (submitted == DeploySubmission.QUEUED) {
        d =
            pushDelivery(
                push,
                Decision.DEPLOY,
                "Accepting event: deploying branch "
                    + deploy.branch()
                    + (deploy.commit() == null ? "" : " at " + deploy.commit()));
      } else if (submitted == DeploySubmission.NO_PROJECT) {
        d = pushDelivery(push, Decision.NO_PROJECT, WebhookDecider.NO_DEPLOYMENT);
      } else {
        d = pushDelivery(push, Decision.IGNORED, "Ignoring event: the deployed branch is no longer " + deploy.branch());
      }
    } else if (decision instanceof WebhookDecision.NoProject) {
      d = pushDelivery(push, Decision.NO_PROJECT, WebhookDecider.NO_DEPLOYMENT);
    } else {
      d = pushDelivery(push, Decision.IGNORED, ((Ignore) decision).reason());
    }
    log.record(d);
    return accepted(d);
  }

  private WebhookResponse reject(WebhookRequest request, Rejected r) {
    Host host = r.host();
    Delivery d =
        delivery(
            host == null ? "" : Texts.clip(Webhooks.deliveryId(host, request)),
            host,
            host == null ? "" : Texts.clip(Webhooks.event(host, request)),
            "",
            "",
            null,
            Decision.REJECTED,
            r.message());
    log.record(d);
    return new WebhookResponse(r.status(), r.summary(), r.error(), d);
  }

  private static WebhookResponse accepted(Delivery d) {
    return new WebhookResponse(202, WebhookResult.ACCEPTED_MESSAGE, null, d);
  }

  private Delivery pushDelivery(Push p, Decision decision, String reason) {
    return delivery(p.deliveryId(), p.host(), p.event(), p.repoName(), p.branch(), p.commit(), decision, reason);
  }

  private Delivery delivery(
      String id, Host host, String event, String repo, String branch, String commit, Decision decision, String reason) {
    return new Delivery(
        id, host == null ? "" : host.id(), event, repo, branch, commit, decision, reason, clock.instant());
  }
}
