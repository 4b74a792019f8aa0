package io.inertia.daemon.http;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (bad URI, header too large, body over the size limit, a slow body, …) answered with the envelope
 * instead of Jetty's HTML page; for {@code HEAD} the same status and headers without a body.
 */
final class EnvelopeErrorHandler extends ErrorHandler {
  private final RequestIds ids;

  EnvelopeErrorHandler(RequestIds ids) {
    this.ids = ids;
    setShowStacks(false);
  }

  /** Every method gets an envelope (Jetty's default writes a body only for GET, POST and HEAD). */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request, Response response, int code, String message, Throwable cause, Callback callback) {
    byte[] body = Responses.bytes(code, ids.next(), text(code, message), null, Map.of());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    if (HttpMethod.HEAD.is(request.getMethod())) {
      // A HEAD reply has no body; one written anyway would be read as the start of the next reply.
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
      response.write(true, null, callback);
      return;
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    byte[] body = Responses.bytes(status, ids.next(), text(status, reason), null, Map.of());
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
    return ByteBuffer.wrap(body);
  }

  private static String text(int code, String message) {
    if (message != null && !message.isBlank()) {
      return message;
    }
    return code == 413 ? "request body too large" : "request failed";
  }
}
