package io.inertia.daemon.http;

import io.inertia.common.api.ApiPaths;
import io.inertia.daemon.webhook.BodyCheck;
import io.inertia.daemon.webhook.DeliveryLog;
import io.inertia.daemon.webhook.WebhookRequest;
import io.inertia.daemon.webhook.WebhookResponse;
import io.inertia.daemon.webhook.WebhookService;
import io.javalin.http.Context;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhook} (public) and {@code GET /webhook/deliveries} (admin). The webhook body, up to 25 MiB (GitHub's
 * limit), is received by the server into a {@link SpooledBody} (mostly on disk when large) while its signature is
 * computed ({@link #bodyWatches()}); a delivery whose headers already fail is answered without reading its body,
 * and only a body that matches is loaded into memory and parsed, so forged or unsigned payloads never occupy the
 * heap. The service only enqueues a deploy, so the Git host gets its 202 before
 * any git or Docker work.
 */
public final class WebhookHandler implements RouteGroup {
  /** GitHub caps payloads at 25 MB. */
  public static final int WEBHOOK_LIMIT_BYTES = 25 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);
  static final int DEFAULT_DELIVERIES = 50;
  static final int MAX_DELIVERIES = 1000;

  private static final int STREAM_BUFFER = 16 * 1024;

  private final Semaphore largeBodies = new Semaphore(1);
  private final WebhookService webhooks;
  private final DeliveryLog deliveries;

  public WebhookHandler(WebhookService webhooks, DeliveryLog deliveries) {
    this.webhooks = webhooks;
    this.deliveries = deliveries;
  }

  @Override
  public void register(Routes routes) {
    routes.post(ApiPaths.WEBHOOK, Role.PUBLIC, this::webhook).get(ApiPaths.WEBHOOK_DELIVERIES, Role.ADMIN, this::list);
  }

  private void webhook(Context ctx) throws Exception {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(ctx.headerMap());
    WebhookRequest headersOnly = new WebhookRequest(headers, new byte[0], ctx.contentType());
    WebhookResponse r;
    BodyCheck check;
    Object watch = ctx.attribute(RequestGate.WATCH_ATTRIBUTE);
    if (watch instanceof SignatureWatch w) {
      check = w.check(); // the server fed it the body as it arrived (or skipped the body)
    } else {
      check = webhooks.bodyCheck(headersOnly);
      if (!check.decidedByHeaders()) {
        try (InputStream in = Bodies.spooled(ctx, WEBHOOK_LIMIT_BYTES).open()) {
          byte[] buf = new byte[STREAM_BUFFER];
          for (int n; (n = in.read(buf)) >= 0; ) {
            check.update(buf, 0, n);
          }
        }
      }
    }
    if (check.decidedByHeaders()) {
      r = webhooks.handle(headersOnly);
    } else {
      SpooledBody body = Bodies.spooled(ctx, WEBHOOK_LIMIT_BYTES);
      if (!check.matches()) {
        r = webhooks.rejectBody(headersOnly, check);
      } else {
        r = handleVerified(headers, body, ctx.contentType());
      }
    }
    // The daemon event log: one line per delivery and what was decided.
    var d = r.delivery();
    LOG.info(
        "webhook {} {} {} {}: {} {} ({})",
        d.host().isEmpty() ? "unknown-host" : d.host(), d.event(), d.deliveryId(), d.branch(), r.status(),
        d.decision().wireName(), d.reason());
    Responses.envelope(ctx, r.status(), r.message(), r.error(), Map.of());
  }

  /**
   * Checks each delivery's signature from its headers before the body is received: headers that already fail (no
   * signature, unknown host, no secret, wrong GitLab token) are answered without reading the body, and otherwise
   * the HMAC is computed while the body streams in.
   */
  @Override
  public Map<String, BodyWatch.Factory> bodyWatches() {
    return Map.of(
        ApiPaths.WEBHOOK,
        (headers, contentType) -> new SignatureWatch(webhooks.bodyCheck(new WebhookRequest(headers, new byte[0], contentType))));
  }

  private record SignatureWatch(BodyCheck check) implements BodyWatch {
    @Override
    public boolean skipBody() {
      return check.decidedByHeaders();
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
      check.update(bytes, offset, length);
    }
  }

  /** A body that matched its signature, loaded to be parsed; large ones one at a time to bound the heap. */
  private WebhookResponse handleVerified(Map<String, String> headers, SpooledBody body, String contentType)
      throws Exception {
    boolean large = body.size() > SpooledBody.MEMORY_BYTES;
    if (large) {
      largeBodies.acquire();
    }
    try {
      return webhooks.handle(new WebhookRequest(headers, body.bytes(WEBHOOK_LIMIT_BYTES), contentType));
    } finally {
      if (large) {
        largeBodies.release();
      }
    }
  }

  private void list(Context ctx) {
    String limit = ctx.queryParam("limit");
    int n;
    try {
      n = limit == null || limit.isBlank() ? DEFAULT_DELIVERIES : Integer.parseInt(limit.trim());
    } catch (NumberFormatException e) {
      throw new ApiException(400, "invalid limit", "limit must be a number");
    }
    if (n < 1) {
      throw new ApiException(400, "invalid limit", "limit must be positive");
    }
    Responses.ok(ctx, 200, "deliveries retrieved", "deliveries", deliveries.recent(Math.min(n, MAX_DELIVERIES)));
  }
}
