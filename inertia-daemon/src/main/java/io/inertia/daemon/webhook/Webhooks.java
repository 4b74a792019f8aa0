package io.inertia.daemon.webhook;

import io.inertia.daemon.webhook.WebhookResult.Ping;
import io.inertia.daemon.webhook.WebhookResult.Rejected;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns a received webhook into a {@link WebhookResult}: host detection, verification, content type, event and
 * payload fields, in the original's order (docs/original.md#webhooks): detect → verify → parse.
 *
 * <p>Pure apart from reading the secret supplier; thread-safe; writes no log. Never throws for any input and never
 * yields a 5xx: bad input is a {@link Rejected} with a 4xx status and a message.
 */
public final class Webhooks {
  /** GitHub caps payloads at 25 MB; a larger body is refused with 413 before any work is done. */
  public static final int MAX_BODY_BYTES = 25 * 1024 * 1024;

  static final String READ = "unable to read payload";
  static final String VERIFY = "unable to verify payload";
  static final String PARSE = "unable to parse payload";

  static final String NO_SECRET =
      "no webhook secret is configured on this daemon: run 'inertia <remote> up' to send the project's webhook"
          + " secret, or restart the daemon with --webhook.secret <secret> (env INERTIA_WEBHOOK_SECRET)";

  static final String BITBUCKET_UNSIGNED =
      Signatures.MISSING
          + ": this Bitbucket delivery is not signed; set a secret on the Bitbucket webhook (the same as the"
          + " daemon's webhook secret), or start the daemon with "
          + WebhookConfig.ALLOW_UNSIGNED_BITBUCKET_ENV
          + "=true to accept unsigned Bitbucket deliveries";

  private Webhooks() {}

  /** Detects, verifies and parses {@code request}; see {@link WebhookResult} for the status of each outcome. */
  public static WebhookResult receive(WebhookRequest request, WebhookConfig config) {
    try {
      return receiveChecked(request, config);
    } catch (RuntimeException e) {
      // Defensive: a parser bug must not become a 500 for the Git host. Tests assert this never happens.
      return new Rejected(null, 400, PARSE, "internal parser error (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * The host by headers, in the original's order: {@code X-GitHub-Event}, {@code X-Gitlab-Event}, a {@code
   * User-Agent} containing {@code Bitbucket}. Null when none matches.
   */
  public static Host detectHost(WebhookRequest request) {
    if (!Texts.isBlank(request.header("X-GitHub-Event"))) {
      return Host.GITHUB;
    }
    if (!Texts.isBlank(request.header("X-Gitlab-Event"))) {
      return Host.GITLAB;
    }
    String agent = request.header("User-Agent");
    if (agent != null && agent.contains("Bitbucket")) {
      return Host.BITBUCKET;
    }
    return null;
  }

  /**
   * The host's delivery id, or an empty string: GitHub {@code X-GitHub-Delivery}; GitLab {@code Idempotency-Key}
   * (kept across retries), else {@code X-Gitlab-Event-UUID}, else {@code X-Gitlab-Webhook-UUID}; Bitbucket {@code
   * X-Request-UUID}. Per-hook ids ({@code X-Hook-UUID}) are never used: they would make every delivery a duplicate.
   */
  public static String deliveryId(Host host, WebhookRequest request) {
    String id =
        switch (host) {
          case GITHUB -> request.header("X-GitHub-Delivery");
          case GITLAB -> firstPresent(
              request.header("Idempotency-Key"),
              request.header("X-Gitlab-Event-UUID"),
              request.header("X-Gitlab-Webhook-UUID"));
          case BITBUCKET -> request.header("X-Request-UUID");
        };
    return id == null ? "" : id.trim();
  }

  /** The event header value for the host ({@code X-GitHub-Event}, {@code X-Gitlab-Event}, {@code X-Event-Key}). */
  public static String event(Host host, WebhookRequest request) {
    String e =
        switch (host) {
          case GITHUB -> request.header("X-GitHub-Event");
          case GITLAB -> request.header("X-Gitlab-Event");
          case BITBUCKET -> request.header("X-Event-Key");
        };
    return e == null ? "" : e.trim();
  }

  private static WebhookResult receiveChecked(WebhookRequest request, WebhookConfig config) {
    byte[] body = request.rawBody();
    Host host = detectHost(request);
    if (body.length > MAX_BODY_BYTES) {
      return new Rejected(host, 413, READ, "payload is larger than " + (MAX_BODY_BYTES / (1024 * 1024)) + " MiB");
    }
    if (host == null) {
      return new Rejected(null, 400, VERIFY, "unsupported type");
    }
    Rejected refused = verify(host, request, config);
    if (refused != null) {
      return refused;
    }
    String event = event(host, request);
    String deliveryId = deliveryId(host, request);
    try {
      return switch (host) {
        case GITHUB -> github(request, event, deliveryId);
        case GITLAB -> gitlab(request, event, deliveryId);
        case BITBUCKET -> bitbucket(request, event, deliveryId);
      };
    } catch (PayloadException e) {
      return new Rejected(host, 400, PARSE, e.getMessage());
    }
  }

  private static Rejected verify(Host host, WebhookRequest request, WebhookConfig config) {
    String secret = config.currentSecret();
    String sig256 = request.header("X-Hub-Signature-256");
    String sig1 = request.header("X-Hub-Signature");
    String failure;
    switch (host) {
      case GITHUB -> {
        if (secret.isEmpty()) {
          return new Rejected(host, 403, VERIFY, NO_SECRET);
        }
        failure = Signatures.verifyHub(sig256, sig1, request.rawBody(), secret);
      }
      case GITLAB -> {
        if (secret.isEmpty()) {
          return new Rejected(host, 403, VERIFY, NO_SECRET);
        }
        failure = Signatures.verifyToken(request.header("X-Gitlab-Token"), secret);
      }
      case BITBUCKET -> {
        if (Texts.isBlank(sig256) && Texts.isBlank(sig1)) {
          failure = config.allowUnsignedBitbucket() ? null : BITBUCKET_UNSIGNED;
        } else if (secret.isEmpty()) {
          return new Rejected(host, 403, VERIFY, NO_SECRET);
        } else {
          failure = Signatures.verifyHub(sig256, sig1, request.rawBody(), secret);
        }
      }
      default -> throw new IllegalStateException("unhandled host " + host);
    }
    return failure == null ? null : new Rejected(host, 400, VERIFY, failure);
  }

  private static WebhookResult github(WebhookRequest request, String event, String deliveryId)
      throws PayloadException {
    byte[] json;
    switch (mediaType(request.contentType())) {
      case "application/json" -> json = request.rawBody();
      case "application/x-www-form-urlencoded" -> json = formPayload(request.rawBody());
      default -> throw new PayloadException(
          "Github Webhook Content-Type must be application/json or application/x-www-form-urlencoded");
    }
    switch (event) {
      case "ping" -> {
        Json.parseObject(json);
        return new Ping(Host.GITHUB, event, deliveryId);
      }
      case "push" -> {
        return PushParsers.github(Json.parseObject(json), event, deliveryId);
      }
      default -> throw new PayloadException("unsupported Github event " + Texts.clip(event));
    }
  }

  private static WebhookResult gitlab(WebhookRequest request, String event, String deliveryId)
      throws PayloadException {
    requireJson(request, "Gitlab");
    return switch (event) {
      case "Push Hook" -> PushParsers.gitlab(Json.parseObject(request.rawBody()), event, deliveryId, false);
      case "Tag Push Hook" -> PushParsers.gitlab(Json.parseObject(request.rawBody()), event, deliveryId, true);
      default -> throw new PayloadException("unsupported Gitlab event " + Texts.clip(event));
    };
  }

  private static WebhookResult bitbucket(WebhookRequest request, String event, String deliveryId)
      throws PayloadException {
    requireJson(request, "Bitbucket");
    if (!event.equals("repo:push")) {
      throw new PayloadException("unsupported Bitbucket event " + Texts.clip(event));
    }
    return PushParsers.bitbucket(Json.parseObject(request.rawBody()), event, deliveryId);
  }

  private static void requireJson(WebhookRequest request, String hostName) throws PayloadException {
    if (!mediaType(request.contentType()).equals("application/json")) {
      throw new PayloadException(hostName + " Webhook Content-Type must be application/json");
    }
  }

  /**
   * The media type without parameters, lower case: {@code application/json; charset=utf-8} → {@code
   * application/json}. The original compared the whole header and refused the charset (a fix, docs/deviations.md).
   */
  static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    String type = semi < 0 ? contentType : contentType.substring(0, semi);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  /** The URL-decoded {@code payload} field of a form body (GitHub's form content type, #528). */
  private static byte[] formPayload(byte[] body) throws PayloadException {
    String form = new String(body, StandardCharsets.ISO_8859_1);
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (decode(key).equals("payload")) {
        return decode(eq < 0 ? "" : pair.substring(eq + 1)).getBytes(StandardCharsets.UTF_8);
      }
    }
    throw new PayloadException("missing form field payload");
  }

  private static String decode(String s) throws PayloadException {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new PayloadException("invalid form encoding: " + Texts.clip(e.getMessage()));
    }
  }

  private static String firstPresent(String... values) {
    for (String v : values) {
      if (!Texts.isBlank(v)) {
        return v;
      }
    }
    return null;
  }
}
