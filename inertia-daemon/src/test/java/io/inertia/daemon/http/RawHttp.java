package io.inertia.daemon.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLSocket;

/** HTTP/1.1 by hand over one TLS connection: exact bytes out, replies framed strictly by their headers. */
final class RawHttp implements AutoCloseable {
  /** One reply: status, headers (lower-case names) and body. */
  record Reply(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  final SSLSocket socket;
  private final InputStream in;
  private final OutputStream out;

  RawHttp(TestDaemon d) throws IOException {
    this.socket = d.rawSocket();
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  RawHttp send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return this;
  }

  RawHttp send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** Reads one reply; {@code head}: the request was HEAD, so no body follows whatever Content-Length says. */
  Reply read(boolean head) throws IOException {
    String status = line();
    if (status == null) {
      throw new IOException("connection closed before a reply");
    }
    Map<String, String> headers = new TreeMap<>();
    for (String l; !(l = line()).isEmpty(); ) {
      int c = l.indexOf(':');
      headers.put(l.substring(0, c).trim().toLowerCase(Locale.ROOT), l.substring(c + 1).trim());
    }
    byte[] body = new byte[0];
    if (!head) {
      if (headers.containsKey("content-length")) {
        body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
      } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int n; (n = Integer.parseInt(line().trim(), 16)) > 0; ) {
          b.write(in.readNBytes(n));
          line();
        }
        line();
        body = b.toByteArray();
      }
    }
    return new Reply(Integer.parseInt(status.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
  }

  /** True when the server has closed the connection (end of stream, nothing more sent). */
  boolean closedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (IOException e) {
      return true; // reset
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c; (c = in.read()) != '\n'; ) {
      if (c < 0) {
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
