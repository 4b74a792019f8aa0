package io.inertia.daemon.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Plain-text streamed responses (the streamed {@code POST /up}, docs/original.md#streaming). Writes go through Jetty's own output
 * stream, because Javalin's {@code ctx.outputStream()} ignores {@code flush()} (docs/libraries.md#javalin-streaming); the response is
 * chunked and every {@link LineWriter#line} reaches the client at once. The idle timeout while a route runs (10 min by
 * default, {@link ServerOptions#DEFAULT_HANDLING_TIMEOUT}) still applies between lines.
 */
public final class StreamingResponses {
  private StreamingResponses() {}

  /** Starts a {@code text/plain; charset=utf-8} response with {@code status} and returns its line writer. */
  public static LineWriter open(Context ctx, int status) throws IOException {
    ctx.status(status);
    ctx.res().setContentType("text/plain; charset=utf-8");
    return new LineWriter(new PrintWriter(new OutputStreamWriter(ctx.res().getOutputStream(), StandardCharsets.UTF_8)));
  }

  /** Writes whole lines and flushes each; {@link #failed()} tells whether the client went away. Not thread-safe. */
  public static final class LineWriter {
    private final PrintWriter out;

    LineWriter(PrintWriter out) {
      this.out = out;
    }

    public void line(String text) {
      out.print(text);
      out.print('\n');
      out.flush();
    }

    /** True once a write failed (the client disconnected or the idle timeout fired). */
    public boolean failed() {
      return out.checkError();
    }
  }
}
