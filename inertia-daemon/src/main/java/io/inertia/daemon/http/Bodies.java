package io.inertia.daemon.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Parses JSON request bodies; malformed input becomes a 400 envelope, a body over {@link #JSON_LIMIT_BYTES} a 413.
 * The connector accepts up to 25 MiB (webhook payloads); JSON endpoints read at most 1 MiB, decided from {@code
 * Content-Length} before reading, or while reading a chunked body.
 */
public final class Bodies {
  /** Largest JSON body an API endpoint reads. */
  public static final int JSON_LIMIT_BYTES = 1024 * 1024;

  private Bodies() {}

  /**
   * The body as {@code type}; an empty body gives {@code emptyValue}.
   *
   * @throws ApiException 400 "invalid request body" with the parser's message; 413 when over 1 MiB
   */
  public static <T> T read(Context ctx, Class<T> type, T emptyValue) {
    byte[] body = bytes(ctx, JSON_LIMIT_BYTES);
    if (body.length == 0) {
      return emptyValue;
    }
    try {
      T value = Json.MAPPER.readValue(body, type);
      return value == null ? emptyValue : value;
    } catch (JsonProcessingException e) {
      throw new ApiException(400, "invalid request body", e.getOriginalMessage());
    } catch (IOException e) {
      throw new ApiException(400, "invalid request body", e.getMessage());
    }
  }

  /** The raw body, at most {@code limit} bytes. @throws ApiException 413 when it is longer */
  public static byte[] bytes(Context ctx, int limit) {
    SpooledBody body = spooled(ctx, limit);
    try {
      return body.bytes(limit);
    } catch (IOException e) {
      throw new ApiException(400, "invalid request body", e.getMessage());
    }
  }

  /**
   * The body as the server received it (at most {@code limit} bytes), to be read any number of times; an empty body
   * when the request has none. @throws ApiException 413 when it is longer
   */
  public static SpooledBody spooled(Context ctx, int limit) {
    Object received = ctx.attribute(RequestGate.BODY_ATTRIBUTE);
    SpooledBody body;
    if (received instanceof SpooledBody s) {
      body = s;
    } else {
      // No body, or a server without the gate: read the stream (bounded).
      if (ctx.contentLength() > limit) {
        throw tooLarge(limit);
      }
      try (InputStream in = ctx.req().getInputStream()) {
        body = SpooledBody.of(in.readNBytes(limit + 1));
      } catch (IOException e) {
        throw new ApiException(400, "invalid request body", e.getMessage());
      }
    }
    if (body.size() > limit) {
      throw tooLarge(limit);
    }
    return body;
  }

  private static ApiException tooLarge(int limit) {
    return new ApiException(413, "request body too large", "the limit is " + limit + " bytes");
  }
}
