package io.inertia.daemon.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;

/** Parses JSON request bodies; malformed input becomes a 400 envelope, an oversized one a 413. */
public final class Bodies {
  private Bodies() {}

  /**
   * The body as {@code type}; an empty body gives {@code emptyValue}.
   *
   * @throws ApiException 400 "invalid request body" with the parser's message
   */
  public static <T> T read(Context ctx, Class<T> type, T emptyValue) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      return emptyValue;
    }
    try {
      T value = Json.MAPPER.readValue(body, type);
      return value == null ? emptyValue : value;
    } catch (JsonProcessingException e) {
      throw new ApiException(400, "invalid request body", e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new ApiException(400, "invalid request body", e.getMessage());
    }
  }
}
