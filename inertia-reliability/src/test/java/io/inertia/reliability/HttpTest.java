package io.inertia.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpTest {
  @Test
  void requestAddsHostAndLength() {
    String req = new String(Http.request("POST", "/x", List.of(), "ab".getBytes(StandardCharsets.UTF_8), true),
        StandardCharsets.ISO_8859_1);
    assertEquals("POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\nab", req);
  }

  @Test
  void explicitFramingIsKept() {
    String req = new String(Http.request("POST", "/x", Http.headers("Transfer-Encoding", "chunked"), new byte[0], false),
        StandardCharsets.ISO_8859_1);
    assertTrue(req.contains("Transfer-Encoding: chunked\r\n"));
    assertTrue(!req.contains("Content-Length"));
  }

  @Test
  void linesEndAtLfWithoutCr() throws Exception {
    InputStream in = new ByteArrayInputStream("a\r\nb\nc".getBytes(StandardCharsets.US_ASCII));
    assertEquals("a", Http.line(in));
    assertEquals("b", Http.line(in));
    assertEquals("c", Http.line(in));
  }
}
