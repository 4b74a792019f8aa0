package io.inertia.daemon.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * The request the routes see once {@link RequestGate} is done with it: the body replayed from its {@link SpooledBody}
 * (already complete, so a handler's read never waits on the client), and {@code HEAD} presented as {@code GET} so a
 * {@code HEAD} runs the same checks as the {@code GET} it mirrors (Jetty still sends no body for it).
 */
final class ReplayRequest extends Request.Wrapper {
  private static final int CHUNK_BYTES = 16 * 1024;

  private final SpooledBody body;
  private final boolean headAsGet;
  private InputStream in;

  ReplayRequest(Request request, SpooledBody body) {
    super(request);
    this.body = body;
    this.headAsGet = HttpMethod.HEAD.is(request.getMethod());
  }

  @Override
  public String getMethod() {
    return headAsGet ? HttpMethod.GET.asString() : super.getMethod();
  }

  @Override
  public long getLength() {
    return body == null ? super.getLength() : body.size();
  }

  @Override
  public Content.Chunk read() {
    if (body == null) {
      return super.read();
    }
    try {
      if (in == null) {
        in = body.open();
      }
      byte[] buf = new byte[CHUNK_BYTES];
      int n = in.read(buf);
      return n < 0 ? Content.Chunk.EOF : Content.Chunk.from(ByteBuffer.wrap(buf, 0, n), false);
    } catch (IOException e) {
      return Content.Chunk.from(e, true);
    }
  }

  @Override
  public void demand(Runnable demandCallback) {
    if (body == null) {
      super.demand(demandCallback);
    } else {
      demandCallback.run(); // the whole body is here: a read never has to wait
    }
  }

  @Override
  public boolean consumeAvailable() {
    return body != null || super.consumeAvailable();
  }
}
