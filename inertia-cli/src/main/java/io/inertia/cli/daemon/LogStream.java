package io.inertia.cli.daemon;

import io.inertia.cli.output.Console;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/** A running log stream ({@link DaemonClient#logsStream}). */
/** A running log stream. */
public final class LogStream implements AutoCloseable {
  /** Opens the websocket and passes each text frame, without its final newline, to {@code lines}. */
  static LogStream open(HttpClient http, URI uri, String token, Duration connectTimeout, Consumer<String> lines,
      Console console, DaemonErrors errors, String remoteName) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    WebSocket.Listener listener =
        new WebSocket.Listener() {
          private final StringBuilder partial = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              String frame = partial.toString();
              partial.setLength(0);
              lines.accept(frame.endsWith("\n") ? frame.substring(0, frame.length() - 1) : frame);
            }
            ws.request(1);
            return null;
          }

          @Override
          public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            console.debug("websocket closed: " + statusCode + " " + reason);
            done.complete(null);
            return null;
          }

          @Override
          public void onError(WebSocket ws, Throwable error) {
            done.completeExceptionally(error);
          }
        };
    WebSocket socket;
    try {
      socket =
          http.newWebSocketBuilder()
              .header("Authorization", "Bearer " + token)
              .connectTimeout(connectTimeout)
              .buildAsync(uri, listener)
              .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DaemonException("interrupted while connecting to the daemon", 0, null, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof java.net.http.WebSocketHandshakeException h) {
        int code = h.getResponse().statusCode();
        throw new DaemonException("[error " + code + "] could not open log stream", code,
            code == 401 ? "perhaps you should run 'inertia " + remoteName + " user login'" : null, h);
      }
      throw errors.transport(cause);
    }
    return new LogStream(socket, done);
  }

  private final WebSocket socket;
  private final CompletableFuture<Void> done;

  LogStream(WebSocket socket, CompletableFuture<Void> done) {
    this.socket = socket;
    this.done = done;
  }

  /** Blocks until the daemon closes the stream or {@link #close()} is called. */
  public void await() throws InterruptedException {
    try {
      done.get();
    } catch (ExecutionException e) {
      throw new DaemonException("log stream failed: " + e.getCause().getMessage(), 0, null, e.getCause());
    }
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, java.util.concurrent.TimeUnit.SECONDS);
    }
    socket.abort();
    done.complete(null);
  }
}
