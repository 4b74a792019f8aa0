package io.inertia.daemon.http;

import io.inertia.common.api.ApiPaths;
import io.inertia.daemon.webhook.DeliveryLog;
import io.inertia.daemon.webhook.WebhookRequest;
import io.inertia.daemon.webhook.WebhookResponse;
import io.inertia.daemon.webhook.WebhookService;
import io.javalin.http.Context;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhook} (public; docs/original.md#endpoints, #webhooks) and {@code GET /webhook/deliveries} (admin). The webhook body is
 * read raw, up to 25 MiB (GitHub's limit), because signatures are computed over the exact bytes. The service only
 * enqueues a deploy, so the Git host gets its 202 before any git or Docker work.
 */
public final class WebhookHandler implements RouteGroup {
  /** GitHub caps payloads at 25 MB. */
  public static final int WEBHOOK_LIMIT_BYTES = 25 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);
  static final int DEFAULT_DELIVERIES = 50;
  static final int MAX_DELIVERIES = 1000;

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

  private void webhook(Context ctx) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(ctx.headerMap());
    WebhookResponse r = webhooks.handle(new WebhookRequest(headers, Bodies.bytes(ctx, WEBHOOK_LIMIT_BYTES), ctx.contentType()));
    // The daemon event log: one line per delivery and what was decided.
    var d = r.delivery();
    LOG.info(
        "webhook {} {} {} {}: {} {} ({})",
        d.host().isEmpty() ? "unknown-host" : d.host(), d.event(), d.deliveryId(), d.branch(), r.status(),
        d.decision().wireName(), d.reason());
    Responses.envelope(ctx, r.status(), r.message(), r.error(), Map.of());
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
