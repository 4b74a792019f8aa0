package io.inertia.daemon.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;

/**
 * One HTTPS request to a {@link TestDaemon} from a chosen loopback source address (127.0.0.0/8 all reaches the
 * daemon on 127.0.0.1), so a test can play many clients at different addresses, as a spread attack does.
 */
final class FromAddress {
  /** A reply: status and JSON body. */
  record Reply(int status, String body) {
    JsonNode json() {
      try {
        return TestDaemon.JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    String message() {
      return json().path("message").asText();
    }
  }

  private FromAddress() {}

  static Reply post(TestDaemon d, String from, String path, String token, Object body) {
    try {
      String json = body == null ? "" : TestDaemon.JSON.writeValueAsString(body);
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      try (SSLSocket s = (SSLSocket) d.client.sslContext().getSocketFactory().createSocket()) {
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress("127.0.0.1", d.server.port()), 5000);
        s.setSoTimeout(10_000);
        StringBuilder head =
            new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .append("Content-Type: application/json\r\nConnection: close\r\n")
                .append("Content-Length: ").append(bytes.length).append("\r\n");
        if (token != null) {
          head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        head.append("\r\n");
        s.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().write(bytes);
        s.getOutputStream().flush();
        return parse(s.getInputStream().readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reply parse(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String head = text.substring(0, end);
    int status = Integer.parseInt(head.substring(9, 12));
    String body = text.substring(end + 4);
    if (head.toLowerCase().contains("transfer-encoding: chunked")) {
      body = dechunk(body);
    }
    return new Reply(status, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
  }

  private static String dechunk(String body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1));
    while (true) {
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0 && c != '\n') {
        if (c != '\r') {
          line.append((char) c);
        }
      }
      int size = Integer.parseInt(line.toString().split(";")[0].trim(), 16);
      if (size == 0) {
        return out.toString(StandardCharsets.ISO_8859_1);
      }
      out.write(in.readNBytes(size));
      in.read();
      in.read();
    }
  }
}
