package io.inertia.daemon.http;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Receives one request body without holding a thread while the client is slow: it reads what has arrived, asks Jetty
 * to call back when more does, and hands the complete {@link SpooledBody} to {@code complete}. A body over {@code
 * limit} gets 413, one whose bytes stop for the connection's (short) idle timeout or that is not complete by {@code
 * deadlineMillis} gets 408, a broken one 400; each is an envelope, and the connection is then closed. A route's
 * {@link BodyWatch}, if any, sees every piece as it arrives.
 */
final class BodyReader implements Runnable {
  private final Request request;
  private final Response response;
  private final Callback callback;
  private final long limit;
  private final BodyWatch watch;
  private final Consumer<SpooledBody> complete;
  private byte[] copy;
  private final SpooledBody body = new SpooledBody();
  private Scheduler.Task deadline;
  private boolean finished;

  BodyReader(
      Request request, Response response, Callback callback, long limit, BodyWatch watch, Consumer<SpooledBody> complete) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.limit = limit;
    this.watch = watch;
    this.complete = complete;
  }

  /** Starts reading; returns at once. */
  void start(long deadlineMillis) {
    deadline = request.getComponents().getScheduler().schedule(this::expire, deadlineMillis, TimeUnit.MILLISECONDS);
    run();
  }

  @Override
  public void run() {
    while (true) {
      boolean last;
      synchronized (this) {
        if (finished) {
          return;
        }
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          boolean timeout = chunk.getFailure() instanceof TimeoutException;
          fail(timeout ? 408 : 400, timeout ? "request body not received in time" : "request body could not be read");
          return;
        }
        try {
          if (body.size() + chunk.remaining() > limit) {
            fail(413, "request body too large: the limit is " + limit + " bytes");
            return;
          }
          if (chunk.hasRemaining()) {
            if (watch != null) {
              watch(chunk.getByteBuffer().duplicate());
            }
            body.append(chunk.getByteBuffer());
          }
        } catch (UncheckedIOException e) {
          fail(503, e.getMessage());
          return;
        } finally {
          chunk.release();
        }
        last = chunk.isLast();
        if (last) {
          finished = true;
          deadline.cancel();
        }
      }
      if (last) {
        complete.accept(body);
        return;
      }
    }
  }

  private void watch(ByteBuffer piece) {
    while (piece.hasRemaining()) {
      if (copy == null) {
        copy = new byte[16 * 1024];
      }
      int n = Math.min(copy.length, piece.remaining());
      piece.get(copy, 0, n);
      watch.update(copy, 0, n);
    }
  }

  private void expire() {
    synchronized (this) {
      if (!finished) {
        fail(408, "request body not received in time");
      }
    }
  }

  /** Answers with an envelope and drops the body; the connection closes since the rest of the body is unread. */
  private void fail(int status, String message) {
    finished = true;
    deadline.cancel();
    body.close();
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    Response.writeError(request, response, callback, status, message);
  }
}
