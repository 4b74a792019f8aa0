package io.inertia.daemon.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * A bounded in-memory pipe between one writing and one reading thread: memory stays at {@code capacity} bytes however
 * much passes through. Unlike {@link java.io.PipedInputStream} it does not depend on which threads are alive. The
 * writer ends the stream with {@link #finish()} or {@link #fail(Throwable)} (the reader then gets an {@link
 * IOException} naming the cause); when the reader closes, further writes fail, so the writer stops.
 */
final class StreamPipe {
  private final byte[] buffer;
  private int start;
  private int count;
  private boolean finished;
  private boolean readerClosed;
  private Throwable failure;

  StreamPipe(int capacity) {
    this.buffer = new byte[capacity];
  }

  /** Ends the stream normally: the reader gets end of stream after the buffered bytes. */
  synchronized void finish() {
    finished = true;
    notifyAll();
  }

  /** Ends the stream with a failure: the reader gets an {@link IOException} with {@code cause}. */
  synchronized void fail(Throwable cause) {
    failure = cause;
    finished = true;
    notifyAll();
  }

  /** Why the writer failed, or null. */
  synchronized Throwable failure() {
    return failure;
  }

  final OutputStream output =
      new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          synchronized (StreamPipe.this) {
            while (len > 0) {
              while (count == buffer.length && !readerClosed) {
                await();
              }
              if (readerClosed) {
                throw new IOException("the reader of the stream has gone away");
              }
              int end = (start + count) % buffer.length;
              int n = Math.min(len, Math.min(buffer.length - count, buffer.length - end));
              System.arraycopy(b, off, buffer, end, n);
              count += n;
              off += n;
              len -= n;
              StreamPipe.this.notifyAll();
            }
          }
        }
      };

  final InputStream input =
      new InputStream() {
        @Override
        public int read() throws IOException {
          byte[] one = new byte[1];
          int n = read(one, 0, 1);
          return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          if (len == 0) {
            return 0;
          }
          synchronized (StreamPipe.this) {
            while (count == 0 && !finished && !readerClosed) {
              await();
            }
            if (readerClosed) {
              throw new IOException("stream closed");
            }
            if (count == 0) {
              if (failure != null) {
                throw new IOException(String.valueOf(failure.getMessage()), failure);
              }
              return -1;
            }
            int n = Math.min(len, Math.min(count, buffer.length - start));
            System.arraycopy(buffer, start, b, off, n);
            start = (start + n) % buffer.length;
            count -= n;
            StreamPipe.this.notifyAll();
            return n;
          }
        }

        @Override
        public int available() {
          synchronized (StreamPipe.this) {
            return count;
          }
        }

        @Override
        public void close() {
          synchronized (StreamPipe.this) {
            readerClosed = true;
            StreamPipe.this.notifyAll();
          }
        }
      };

  private void await() throws InterruptedIOException {
    try {
      wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while streaming");
    }
  }
}
