package io.inertia.daemon.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.inertia.daemon.deploy.LineSink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns Docker log/attach frames into lines: docker-java already strips the 8-byte multiplex headers, but frames
 * are cut at 1 KiB and share one buffer (docs/libraries.md#docker-java-log-frames), so payloads are copied at once and reassembled per
 * stream; a trailing {@code \r} is dropped and an unfinished line is flushed at the end.
 */
class FrameLines extends ResultCallback.Adapter<Frame> {
  private final LineSink sink;
  private final Map<StreamType, ByteArrayOutputStream> partial = new EnumMap<>(StreamType.class);
  private volatile Throwable error;

  FrameLines(LineSink sink) {
    this.sink = sink;
  }

  @Override
  public synchronized void onNext(Frame frame) {
    byte[] payload = frame.getPayload();
    if (payload == null) {
      return;
    }
    ByteArrayOutputStream buf = partial.computeIfAbsent(frame.getStreamType(), t -> new ByteArrayOutputStream());
    for (byte b : payload) {
      if (b == '\n') {
        emit(buf);
      } else {
        buf.write(b);
      }
    }
  }

  @Override
  public void onError(Throwable throwable) {
    // The default Adapter logs a stack trace; the caller decides what an error means.
    error = throwable;
    flush();
    try {
      close();
    } catch (java.io.IOException ignored) {
      // closing a finished stream
    }
  }

  @Override
  public void onComplete() {
    flush();
    super.onComplete();
  }

  Throwable error() {
    return error;
  }

  private synchronized void flush() {
    for (ByteArrayOutputStream buf : partial.values()) {
      if (buf.size() > 0) {
        emit(buf);
      }
    }
  }

  private void emit(ByteArrayOutputStream buf) {
    String line = buf.toString(StandardCharsets.UTF_8);
    buf.reset();
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    sink.line(line);
  }
}
