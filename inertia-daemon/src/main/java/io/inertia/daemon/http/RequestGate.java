package io.inertia.daemon.http;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Stands in front of the routes (a Jetty handler). It answers what the API never serves (TRACE, CONNECT, targets such
 * as {@code OPTIONS *}) with a 405 envelope; it receives every request body in full, without a thread, within a
 * deadline and a per-path size limit ({@link BodyReader}), before any route runs, so clients that send headers and
 * then stall cannot occupy the handler threads; and it lets a route that streams (a deploy's log) stay quiet for long
 * by raising the connection's idle timeout only while the route runs.
 *
 * <p>The routes then see a {@link ReplayRequest}; the body is also available to them as a {@link SpooledBody} under
 * {@link #BODY_ATTRIBUTE}.
 */
final class RequestGate extends Handler.Wrapper {
  /** Request attribute holding the received {@link SpooledBody} (absent for requests without a body). */
  static final String BODY_ATTRIBUTE = "inertia.body";

  /** Request attribute holding the route's {@link BodyWatch}, when it has one. */
  static final String WATCH_ATTRIBUTE = "inertia.body.watch";

  private final ToLongFunction<String> limits;
  private final Map<String, BodyWatch.Factory> watches;
  private final Duration bodyIdleTimeout;
  private final Duration bodyDeadline;
  private final Duration handlingTimeout;

  /**
   * @param limits the largest body accepted for a path
   * @param watches per path, the route's {@link BodyWatch} (looked up only for POST)
   * @param bodyIdleTimeout how long a body may stop arriving before 408
   * @param bodyDeadline how long a whole body may take before 408
   * @param handlingTimeout the idle timeout while a route runs (a streamed deploy can be quiet for minutes)
   */
  RequestGate(
      ToLongFunction<String> limits,
      Map<String, BodyWatch.Factory> watches,
      Duration bodyIdleTimeout,
      Duration bodyDeadline,
      Duration handlingTimeout) {
    this.limits = limits;
    this.watches = Map.copyOf(watches);
    this.bodyIdleTimeout = bodyIdleTimeout;
    this.bodyDeadline = bodyDeadline;
    this.handlingTimeout = handlingTimeout;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String method = request.getMethod();
    String path = request.getHttpURI().getPath();
    if (HttpMethod.TRACE.is(method) || HttpMethod.CONNECT.is(method) || path == null || !path.startsWith("/")) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST");
      Response.writeError(request, response, callback, 405, "method not allowed");
      return true;
    }
    if (!hasBody(request)) {
      dispatch(request, response, callback, null, null);
      return true;
    }
    long limit = limits.applyAsLong(path);
    if (request.getLength() > limit) {
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      Response.writeError(request, response, callback, 413, "request body too large: the limit is " + limit + " bytes");
      return true;
    }
    BodyWatch.Factory factory = HttpMethod.POST.is(method) ? watches.get(path) : null;
    BodyWatch watch = factory == null ? null : factory.start(headers(request), request.getHeaders().get(HttpHeader.CONTENT_TYPE));
    if (watch != null && watch.skipBody()) {
      response.getHeaders().put(HttpHeader.CONNECTION, "close"); // the unread body is not waited for
      dispatch(request, response, callback, null, watch);
      return true;
    }
    endPoint(request).setIdleTimeout(bodyIdleTimeout.toMillis());
    new BodyReader(request, response, callback, limit, watch, body -> dispatch(request, response, callback, body, watch))
        .start(bodyDeadline.toMillis());
    return true;
  }

  private static Map<String, String> headers(Request request) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (HttpField f : request.getHeaders()) {
      headers.putIfAbsent(f.getName(), f.getValue());
    }
    return headers;
  }

  private static boolean hasBody(Request request) {
    return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
  }

  private void dispatch(Request request, Response response, Callback callback, SpooledBody body, BodyWatch watch) {
    EndPoint endPoint = endPoint(request);
    long idle = request.getConnectionMetaData().getConnector().getIdleTimeout();
    boolean upgrade = request.getHeaders().contains(HttpHeader.UPGRADE);
    Callback done = callback;
    if (!upgrade) {
      // A WebSocket sets its own timeout on the connection once upgraded: leave that one alone.
      endPoint.setIdleTimeout(handlingTimeout.toMillis());
      done =
          Callback.from(
              callback,
              () -> {
                endPoint.setIdleTimeout(idle);
                if (body != null) {
                  body.close();
                }
              });
    }
    ReplayRequest replay = new ReplayRequest(request, body);
    if (body != null) {
      replay.setAttribute(BODY_ATTRIBUTE, body);
    }
    if (watch != null) {
      replay.setAttribute(WATCH_ATTRIBUTE, watch);
    }
    try {
      if (!super.handle(replay, response, done)) {
        Response.writeError(replay, response, done, 404, "not found");
      }
    } catch (Throwable t) {
      Response.writeError(replay, response, done, t);
    }
  }

  private static EndPoint endPoint(Request request) {
    return request.getConnectionMetaData().getConnection().getEndPoint();
  }
}
