package io.inertia.daemon.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * A request body received in full before its handler runs: the first {@value #MEMORY_BYTES} bytes in memory, the
 * rest in an owner-only temporary file, so a large body (a 24 MB webhook) never sits in the heap before it has been
 * checked. {@link #open()} may be called any number of times (a webhook is read once for its signature, then again
 * to parse it). {@link #close()} deletes the file. Not thread-safe while being appended to.
 */
public final class SpooledBody implements AutoCloseable {
  /** Bytes kept in memory before spilling to a file. */
  static final int MEMORY_BYTES = 64 * 1024;

  private byte[] head = new byte[0];
  private int headLength;
  private Path file;
  private FileChannel channel;
  private long size;

  /** An already complete body (tests, and requests read without the gate). */
  static SpooledBody of(byte[] bytes) {
    SpooledBody b = new SpooledBody();
    b.append(ByteBuffer.wrap(bytes));
    return b;
  }

  /** Appends the remaining bytes of {@code buffer}. @throws UncheckedIOException if the spool file fails */
  void append(ByteBuffer buffer) {
    int n = buffer.remaining();
    size += n;
    int toMemory = Math.min(n, MEMORY_BYTES - headLength);
    if (toMemory > 0) {
      if (head.length < headLength + toMemory) {
        head = Arrays.copyOf(head, Math.min(MEMORY_BYTES, Math.max(headLength + toMemory, head.length * 2)));
      }
      buffer.get(head, headLength, toMemory);
      headLength += toMemory;
    }
    if (!buffer.hasRemaining()) {
      return;
    }
    try {
      if (channel == null) {
        file = Files.createTempFile("inertiad-body-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
      }
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the request body: " + e.getMessage(), e);
    }
  }

  /** Bytes received. */
  public long size() {
    return size;
  }

  /** The whole body from its first byte. */
  public InputStream open() throws IOException {
    InputStream first = new ByteArrayInputStream(head, 0, headLength);
    if (file == null) {
      return first;
    }
    return new java.io.SequenceInputStream(first, Files.newInputStream(file));
  }

  /** The body in memory, when it has at most {@code limit} bytes. @throws IllegalStateException when longer */
  public byte[] bytes(int limit) throws IOException {
    if (size > limit) {
      throw new IllegalStateException("body of " + size + " bytes is over " + limit);
    }
    if (file == null) {
      return Arrays.copyOf(head, headLength);
    }
    try (InputStream in = open()) {
      return in.readNBytes((int) size);
    }
  }

  @Override
  public void close() {
    head = new byte[0];
    headLength = 0;
    if (file != null) {
      try {
        channel.close();
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // The file is in the temporary directory; nothing else refers to it.
      }
      file = null;
      channel = null;
    }
  }
}
