package io.inertia.reliability;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A deliberately small HTTP/1.1 client over TLS sockets. The suite needs what ordinary clients hide: raw request
 * bytes (bad methods, stalled bodies, odd header case), kept-alive connections it controls, and the exact bytes a
 * reply carries (a HEAD reply must have no body). Every read has a deadline.
 */
public final class Http {
  /** Where the daemon answers now (its host port changes when the container restarts). */
  public record Target(String host, int port, SSLSocketFactory tls) {}

  /** One reply; header names lower case; {@code trailing} counts bytes after a HEAD reply's headers. */
  public record Response(int status, Map<String, String> headers, byte[] body, int trailing) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public boolean jsonType() {
      String t = header("content-type");
      return t != null && t.toLowerCase(Locale.ROOT).startsWith("application/json");
    }
  }

  /** A request as bytes: method, path, headers in order, body. Content-Length is added unless given. */
  public static byte[] request(String method, String path, List<String[]> headers, byte[] body, boolean close) {
    StringBuilder sb = new StringBuilder();
    sb.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    boolean host = false;
    boolean length = false;
    for (String[] h : headers) {
      host |= h[0].equalsIgnoreCase("host");
      length |= h[0].equalsIgnoreCase("content-length") || h[0].equalsIgnoreCase("transfer-encoding");
    }
    if (!host) {
      sb.append("Host: 127.0.0.1\r\n");
    }
    for (String[] h : headers) {
      sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
    }
    if (!length && body != null) {
      sb.append("Content-Length: ").append(body.length).append("\r\n");
    }
    if (close) {
      sb.append("Connection: close\r\n");
    }
    sb.append("\r\n");
    byte[] head = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    if (body == null || body.length == 0) {
      return head;
    }
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  /** Shorthand for a list of header pairs. */
  public static List<String[]> headers(String... nameValue) {
    List<String[]> list = new ArrayList<>();
    for (int i = 0; i + 1 < nameValue.length; i += 2) {
      list.add(new String[] {nameValue[i], nameValue[i + 1]});
    }
    return list;
  }

  /** One TLS connection. Not thread-safe. */
  public static final class Conn implements Closeable {
    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;

    private Conn(SSLSocket socket) throws IOException {
      this.socket = socket;
      this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      this.out = socket.getOutputStream();
    }

    /** Connects and completes the TLS handshake, each within {@code timeoutMs}. */
    public static Conn open(Target t, int timeoutMs) throws IOException {
      SSLSocket s = (SSLSocket) t.tls().createSocket();
      try {
        s.connect(new InetSocketAddress(t.host(), t.port()), timeoutMs);
        s.setSoTimeout(timeoutMs);
        s.startHandshake();
        return new Conn(s);
      } catch (IOException | RuntimeException e) {
        s.close();
        throw e;
      }
    }

    public void timeout(int ms) throws IOException {
      socket.setSoTimeout(ms);
    }

    public void write(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    /** Reads one reply; for HEAD, drains to EOF (send HEAD with Connection: close) and counts what follows. */
    public Response read(boolean head) throws IOException {
      int status = statusLine();
      Map<String, String> headers = headerBlock();
      if (head) {
        int trailing = 0;
        while (in.read() >= 0 && trailing < 1 << 20) {
          trailing++;
        }
        return new Response(status, headers, new byte[0], trailing);
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      try (InputStream b = body(status, headers)) {
        b.transferTo(body);
      }
      return new Response(status, headers, body.toByteArray(), 0);
    }

    /** Reads a reply whose body is text sent as it happens; each line goes to {@code lines}; returns the status. */
    public int readLines(Consumer<String> lines) throws IOException {
      int status = statusLine();
      Map<String, String> headers = headerBlock();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      try (InputStream b = body(status, headers)) {
        int c;
        while ((c = b.read()) >= 0) {
          if (c == '\n') {
            lines.accept(line.toString(StandardCharsets.UTF_8));
            line.reset();
          } else {
            line.write(c);
          }
        }
      }
      if (line.size() > 0) {
        lines.accept(line.toString(StandardCharsets.UTF_8));
      }
      return status;
    }

    /** One exchange on this connection. */
    public Response exchange(byte[] request, boolean head) throws IOException {
      write(request);
      return read(head);
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }

    private InputStream body(int status, Map<String, String> headers) {
      if (status / 100 == 1 || status == 204 || status == 304) {
        return InputStream.nullInputStream();
      }
      String te = headers.get("transfer-encoding");
      if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
        return new Chunked(in);
      }
      String cl = headers.get("content-length");
      if (cl != null) {
        return new Bounded(in, Long.parseLong(cl.trim()));
      }
      return new Bounded(in, Long.MAX_VALUE);
    }

    private int statusLine() throws IOException {
      String line = Http.line(in);
      String[] parts = line.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        throw new IOException("not an HTTP status line: " + clip(line));
      }
      try {
        return Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IOException("bad status: " + clip(line), e);
      }
    }

    private Map<String, String> headerBlock() throws IOException {
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 0; i < 200; i++) {
        String line = Http.line(in);
        if (line.isEmpty()) {
          return headers;
        }
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.putIfAbsent(
              line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
      }
      throw new IOException("too many reply headers");
    }
  }

  static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = 0; i < 64 * 1024; i++) {
      int c = in.read();
      if (c < 0) {
        if (b.size() == 0) {
          throw new EOFException("connection closed");
        }
        break;
      }
      if (c == '\n') {
        break;
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  /** A body of known length (or up to EOF). */
  private static final class Bounded extends InputStream {
    private final InputStream in;
    private final boolean toEof;
    private long left;

    Bounded(InputStream in, long left) {
      this.in = in;
      this.left = left;
      this.toEof = left == Long.MAX_VALUE;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int c = in.read();
      if (c < 0) {
        if (!toEof) {
          throw new EOFException("body cut short");
        }
        left = 0;
        return -1;
      }
      left--;
      return c;
    }
  }

  /** A chunked body. */
  private static final class Chunked extends InputStream {
    private final InputStream in;
    private long left;
    private boolean done;

    Chunked(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      if (done) {
        return -1;
      }
      if (left == 0) {
        String size = line(in).trim();
        int semi = size.indexOf(';');
        left = Long.parseLong(semi >= 0 ? size.substring(0, semi) : size, 16);
        if (left == 0) {
          while (!line(in).isEmpty()) {
            // trailers
          }
          done = true;
          return -1;
        }
      }
      int c = in.read();
      if (c < 0) {
        throw new EOFException("chunk cut short");
      }
      if (--left == 0) {
        line(in);
      }
      return c;
    }
  }
}
