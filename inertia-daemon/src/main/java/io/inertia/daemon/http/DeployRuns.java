package io.inertia.daemon.http;

import io.inertia.daemon.deploy.LogSink;
import io.inertia.daemon.deploy.Outcome;
import io.javalin.http.Context;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Renders a queued deploy ({@code POST /up}, {@code POST /rollback}) either streamed or as one envelope (see
 * docs/original.md#streaming). Streamed: every line the deploy writes is sent and flushed as it happens, then the outcome line ({@code
 * [success 201] Project startup initiated!} or {@code [error N] msg: (detail)}), then the response ends. The deploy
 * worker hands lines over a queue, so only the request thread writes to the response. Quiet build steps are covered
 * by the idle timeout while a route runs ({@link ServerOptions#DEFAULT_HANDLING_TIMEOUT}, 10 min) rather than keep-alive lines,
 * which would show up in the user's terminal. A client that goes away does not stop the deploy.
 */
final class DeployRuns {
  private static final Object DONE = new Object();

  private DeployRuns() {}

  /** Starts the deploy through {@code start} (given the sink to write to) and renders it. */
  static void render(Context ctx, boolean stream, Function<LogSink, CompletableFuture<Outcome>> start)
      throws Exception {
    if (!stream) {
      Outcome o = await(start.apply(LogSink.of(line -> {})));
      if (o.success()) {
        Responses.ok(ctx, o.status(), o.message());
      } else {
        Responses.envelope(ctx, o.status(), o.message(), o.detail().isEmpty() ? null : o.detail(), java.util.Map.of());
      }
      return;
    }
    BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    CompletableFuture<Outcome> future =
        start.apply(
            new LogSink() {
              @Override
              public void line(String line) {
                queue.add(line);
              }

              @Override
              public void done(Outcome outcome) {
                queue.add(DONE);
              }
            });
    StreamingResponses.LineWriter out = StreamingResponses.open(ctx, 200);
    // Polls rather than waits for good: should the deploy end without a done() (it never should), the request
    // still ends once its future has.
    for (Object item = queue.poll(1, TimeUnit.SECONDS);
        item != DONE;
        item = queue.poll(1, TimeUnit.SECONDS)) {
      if (item == null) {
        if (future.isDone() && queue.isEmpty()) {
          break;
        }
      } else if (!out.failed()) {
        out.line((String) item);
      }
    }
    if (!out.failed()) {
      String last;
      try {
        last = await(future).streamLine();
      } catch (IllegalStateException e) {
        last = "[error 500] failed to deploy project: (" + e.getMessage() + ")";
      }
      out.line(last);
    }
  }

  private static Outcome await(CompletableFuture<Outcome> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      // The service completes its futures with outcomes only; this is a daemon fault.
      throw new IllegalStateException("deploy ended without an outcome", e.getCause());
    }
  }
}
