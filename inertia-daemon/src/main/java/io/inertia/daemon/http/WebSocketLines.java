package io.inertia.daemon.http;

import io.javalin.websocket.WsContext;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * Sends text frames with backpressure for {@code /logs?stream=true} (docs/original.md#streaming). Javalin's {@code ctx.send} is
 * fire-and-forget and queues without limit when the client stops reading (docs/libraries.md#javalin-websockets); this waits until each
 * frame is written. Call from your own thread, not from {@code onConnect}; call {@code ctx.enableAutomaticPings()}
 * so quiet follows survive the 30 s WebSocket idle timeout.
 */
public final class WebSocketLines {
  private WebSocketLines() {}

  /**
   * Sends {@code line} as one text frame and waits up to {@code timeout} for it to be written.
   *
   * @return false when the client is gone or too slow (the caller should stop following and close)
   */
  public static boolean send(WsContext ctx, String line, Duration timeout) {
    Callback.Completable done = new Callback.Completable();
    ctx.session.sendText(line, done);
    try {
      done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }
}
