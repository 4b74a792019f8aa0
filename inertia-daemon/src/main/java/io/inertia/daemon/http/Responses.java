package io.inertia.daemon.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.inertia.common.api.Envelope;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the JSON envelope {@code {code, request_id, message, error, data}} (docs/original.md#response-envelope). */
public final class Responses {
  private Responses() {}

  /** A success envelope with optional data (pairs of key, value). */
  public static void ok(Context ctx, int code, String message, Object... keyValues) {
    envelope(ctx, code, message, null, pairs(keyValues));
  }

  /** Any envelope; {@code data} may be empty. */
  public static void envelope(Context ctx, int code, String message, String error, Map<String, Object> data) {
    ctx.status(code);
    ctx.contentType("application/json");
    ctx.result(bytes(code, RequestIds.of(ctx), message, error, data));
  }

  /** Serialises an envelope (also used by the Jetty-level error handler). */
  static byte[] bytes(int code, String requestId, String message, String error, Map<String, Object> data) {
    JsonNode dataNode = data == null || data.isEmpty() ? null : Json.MAPPER.valueToTree(data);
    try {
      return Json.MAPPER.writeValueAsBytes(new Envelope(code, requestId, message, error, dataNode));
    } catch (JsonProcessingException e) {
      return ("{\"code\":500,\"message\":\"failed to render response\"}").getBytes(StandardCharsets.UTF_8);
    }
  }

  static Map<String, Object> pairs(Object... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("data must be key/value pairs");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }
}
