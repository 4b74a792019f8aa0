package io.inertia.daemon.webhook;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One received webhook, free of HTTP library types: the request headers (looked up case-insensitively), the raw
 * body bytes exactly as received (signatures are computed over them) and the {@code Content-Type}.
 *
 * <p>Immutable. {@code headers} keeps one value per name (the first one the handler saw).
 */
public record WebhookRequest(Map<String, String> headers, byte[] body, String contentType) {

  public WebhookRequest {
    TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach(
          (k, v) -> {
            if (k != null && v != null) {
              copy.putIfAbsent(k, v);
            }
          });
    }
    headers = Collections.unmodifiableMap(copy);
    body = body == null ? new byte[0] : body.clone();
    if (contentType == null) {
      contentType = copy.get("Content-Type");
    }
  }

  /** A request whose content type is taken from its {@code Content-Type} header. */
  public static WebhookRequest of(Map<String, String> headers, byte[] body) {
    return new WebhookRequest(headers, body, null);
  }

  /** The header's value, or null when absent; the name is case-insensitive. */
  public String header(String name) {
    return headers.get(name);
  }

  /** A copy of the body. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body without copying, for this package's parsers and verifiers (they never modify it). */
  byte[] rawBody() {
    return body;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WebhookRequest r
        && headers.equals(r.headers)
        && Arrays.equals(body, r.body)
        && java.util.Objects.equals(contentType, r.contentType);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * headers.hashCode() + Arrays.hashCode(body)) + java.util.Objects.hashCode(contentType);
  }

  @Override
  public String toString() {
    return "WebhookRequest[headers=" + headers.keySet() + ", body=" + body.length + " bytes, contentType="
        + contentType + "]";
  }
}
