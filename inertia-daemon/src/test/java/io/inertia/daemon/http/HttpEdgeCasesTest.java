package io.inertia.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inertia.daemon.TestClock;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests at the edges of HTTP, over raw TLS connections kept alive between requests: every reply is an envelope
 * (whatever the method or target), a HEAD reply has none and the next reply on the connection still parses, HEAD runs
 * the same checks as GET, and header values are matched exactly even when Jetty's header cache has seen them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpEdgeCasesTest {
  @TempDir static Path root;
  TestDaemon d;

  @BeforeAll
  void start() {
    d = new TestDaemon(root, new TestClock());
  }

  @AfterAll
  void stop() {
    d.close();
  }

  private static String request(String method, String target, String... headers) {
    StringBuilder b = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (String h : headers) {
      b.append(h).append("\r\n");
    }
    return b.append("\r\n").toString();
  }

  private static void assertEnvelope(RawHttp.Reply r, int status) {
    assertEquals(status, r.status(), r.toString());
    assertTrue(r.header("content-type") != null && r.header("content-type").startsWith("application/json"), r.toString());
    JsonNode n;
    try {
      n = TestDaemon.JSON.readTree(r.body());
    } catch (Exception e) {
      throw new AssertionError("not an envelope: " + r, e);
    }
    assertEquals(status, n.path("code").asInt(), r.toString());
    assertTrue(n.hasNonNull("request_id") && n.hasNonNull("message"), r.toString());
  }

  @Test
  void headOnProtectedRoutesNeedsTheTokenAndHasNoBody() throws Exception {
    try (RawHttp c = new RawHttp(d)) {
      for (String path : List.of("/status", "/user/list", "/env", "/token", "/user/validate")) {
        RawHttp.Reply head = c.send(request("HEAD", path)).read(true);
        assertEquals(401, head.status(), path);
        assertEquals("", head.body(), path);
        // The next reply on the same connection is framed correctly (a stray HEAD body would be read here).
        assertEnvelope(c.send(request("GET", "/nope")).read(false), 404);
      }
      RawHttp.Reply ok = c.send(request("HEAD", "/status", "Authorization: Bearer " + d.master())).read(true);
      assertEquals(200, ok.status());
      assertEnvelope(c.send(request("GET", "/status", "Authorization: Bearer " + d.master())).read(false), 200);
    }
  }

  @Test
  void tokenInCapitalsIsRefusedOnAKeptAliveConnection() throws Exception {
    String token = d.master();
    try (RawHttp c = new RawHttp(d)) {
      assertEnvelope(c.send(request("GET", "/status", "Authorization: Bearer " + token)).read(false), 200);
      String shouted = "Authorization: BEARER " + token.toUpperCase(Locale.ROOT);
      assertEnvelope(c.send(request("GET", "/status", shouted)).read(false), 401);
      assertEnvelope(c.send(request("GET", "/status", "authorization: bearer " + token)).read(false), 401);
      assertEnvelope(c.send(request("GET", "/status", "Authorization: Bearer " + token)).read(false), 200);
    }
  }

  @Test
  void everyMethodAndTargetGetsAnEnvelope() throws Exception {
    List<String> methods = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "BREW");
    List<String> paths =
        List.of("/nope", "/status", "/webhook", "/user/login", "/up", "/logs", "/a/../status", "/a/%2e%2e/status",
            "/%2F", "//status", "/status;x=1", "/%00");
    RawHttp c = new RawHttp(d);
    try {
      for (String m : methods) {
        for (String p : paths) {
          RawHttp.Reply r = c.send(request(m, p, "Content-Length: 0")).read(false);
          assertTrue(r.status() >= 400 && r.status() < 500, m + " " + p + ": " + r);
          assertEnvelope(r, r.status());
          if (r.status() == 400 || "close".equalsIgnoreCase(r.header("connection"))) {
            c.close(); // Jetty closes after a request it could not parse
            c = new RawHttp(d);
          }
        }
      }
    } finally {
      c.close();
    }
    for (String r : List.of(request("OPTIONS", "*"), request("CONNECT", "127.0.0.1:443"), request("TRACE", "/"))) {
      try (RawHttp raw = new RawHttp(d)) {
        assertEnvelope(raw.send(r).read(false), 405);
      }
    }
  }

  @Test
  void listensOnlyOnTheConfiguredAddress() throws Exception {
    // The test daemon binds 127.0.0.1; the rest of 127.0.0.0/8 is the same loopback interface but another address.
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress("127.0.0.1", d.server.port()), 5000);
    }
    try (java.net.Socket s = new java.net.Socket()) {
      org.junit.jupiter.api.Assertions.assertThrows(
          java.net.ConnectException.class,
          () -> s.connect(new java.net.InetSocketAddress("127.0.0.2", d.server.port()), 5000));
    }
  }

  @Test
  void badRequestLinesGetEnvelopesAndNoBodyForHead() throws Exception {
    String longTarget = "/" + "a".repeat(20_000);
    for (String target : List.of("/%", longTarget)) {
      try (RawHttp c = new RawHttp(d)) {
        RawHttp.Reply get = c.send(request("GET", target)).read(false);
        assertTrue(get.status() == 400 || get.status() == 414, get.toString());
        assertEnvelope(get, get.status());
      }
      try (RawHttp c = new RawHttp(d)) {
        RawHttp.Reply head = c.send(request("HEAD", target)).read(true);
        assertTrue(head.status() == 400 || head.status() == 414, head.toString());
        assertTrue(c.closedByServer(), "no body may follow a HEAD reply: " + head);
      }
    }
  }
}
