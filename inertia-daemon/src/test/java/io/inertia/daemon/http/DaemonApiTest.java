package io.inertia.daemon.http;

import static io.inertia.daemon.http.TestDaemon.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inertia.daemon.TestClock;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The daemon API over real HTTPS: envelopes, auth classes, users, env, status, token. One daemon for the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DaemonApiTest {
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

  static void assertEnvelope(HttpResponse<String> r, int code, String message) {
    assertEquals(code, r.statusCode(), r.body());
    JsonNode n = json(r);
    assertEquals(code, n.get("code").asInt(), r.body());
    assertTrue(n.get("request_id").asText().matches("^[^/]+/[A-Za-z0-9]{10}-\\d{6}$"), r.body());
    if (message != null) {
      assertEquals(message, n.get("message").asText(), r.body());
    }
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"), r.headers().toString());
  }

  @Test
  void healthAnswersAnyMethodWithEmptyBody() {
    for (String m : new String[] {"GET", "POST", "PUT", "DELETE"}) {
      HttpResponse<String> r = d.send(m, "/", null, null);
      assertEquals(200, r.statusCode(), m);
      assertEquals("", r.body(), m);
    }
  }

  @Test
  void unknownPathWrongMethodOversizeAndMalformedBodiesGetEnvelopes() {
    assertEnvelope(d.get("/nope", null), 404, "not found");
    assertEnvelope(d.send("DELETE", "/status", d.master(), null), 405, "method not allowed");
    assertEnvelope(d.post("/user/login", null, "{not json"), 400, "invalid request body");
    assertEnvelope(d.post("/user/add", d.master(), "[1,2]"), 400, "invalid request body");
  }

  @Test
  void bodyOverTheLimitGets413Envelope() throws Exception {
    // A raw request announcing 2 MB and sending nothing: the server must answer from the headers alone. (Sending
    // the body from HttpClient races with the server closing the connection; JDK 17's client hangs on
    // "Expect: 100-continue" answered with a final status, JDK-8286171.)
    try (javax.net.ssl.SSLSocket socket =
        (javax.net.ssl.SSLSocket) d.client.sslContext().getSocketFactory().createSocket("127.0.0.1", d.server.port())) {
      socket.setSoTimeout(10_000);
      String head =
          "POST /user/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: 2000000\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(response.startsWith("HTTP/1.1 413"), response);
      String body = response.substring(response.indexOf("\r\n\r\n") + 4);
      JsonNode n = TestDaemon.JSON.readTree(body);
      assertEquals(413, n.get("code").asInt(), body);
      assertTrue(n.get("request_id").asText().contains("/"), body);
    }
  }

  @Test
  void chunkedOversizeBodyGetsEnvelope() throws Exception {
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) 'a');
    HttpRequest req =
        HttpRequest.newBuilder(d.uri("/user/login"))
            .timeout(java.time.Duration.ofSeconds(20))
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.SequenceInputStream(
                        java.util.Collections.enumeration(
                            java.util.stream.Stream.generate(() -> new java.io.ByteArrayInputStream(chunk))
                                .limit(40)
                                .toList()))))
            .build();
    HttpResponse<String> r;
    try {
      r = d.client.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      return; // The server may close the connection while the client still writes: also a rejection.
    }
    assertEquals(413, r.statusCode(), r.body());
    assertEquals(413, json(r).get("code").asInt());
  }

  @Test
  void jettyLevelErrorsGetEnvelopes() throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(d.uri("/user/validate")).timeout(java.time.Duration.ofSeconds(20)).header("X-Big", "y".repeat(20_000)).GET().build();
    HttpResponse<String> r = d.client.send(req, HttpResponse.BodyHandlers.ofString());
    assertEquals(431, r.statusCode(), r.body());
    assertEquals(431, json(r).get("code").asInt(), r.body());
  }

  @Test
  void missingMalformedForgedTamperedNoneAndForeignTokensAre401() {
    HttpResponse<String> none = d.get("/user/validate", null);
    assertEnvelope(none, 401, "failed to read token");
    assertEquals("authorization is malformed", json(none).get("error").asText());


    String master = d.master();
    String[] parts = master.split("\\.");
    // Tampered payload: claim admin user "bob" with master's signature.
    String payload =
        Base64.getUrlEncoder().withoutPadding()
            .encodeToString(
                "{\"session_id\":\"\",\"user\":\"bob\",\"admin\":true,\"expiry\":\"0001-01-01T00:00:00Z\"}"
                    .getBytes(StandardCharsets.UTF_8));
    assertEnvelope(d.get("/user/validate", parts[0] + "." + payload + "." + parts[2]), 401, "failed to read token");
    // alg=none with the master claims.
    String noneHeader =
        Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
    assertEnvelope(d.get("/user/validate", noneHeader + "." + parts[1] + "."), 401, "failed to read token");
    // Signed with another key (e.g. another daemon's, or the original's constant).
    String foreign =
        Jwts.builder()
            .claim("session_id", "")
            .claim("user", "master")
            .claim("admin", true)
            .claim("expiry", "0001-01-01T00:00:00Z")
            .signWith(Keys.hmacShaKeyFor("user: git, name: ssh-public-keys-0123456789".getBytes()), Jwts.SIG.HS256)
            .compact();
    assertEnvelope(d.get("/user/validate", foreign), 401, "failed to read token");
    assertEnvelope(d.get("/user/validate", "garbage"), 401, "failed to read token");
  }

  @Test
  void masterTokenWorksEverywhereAndTokenEndpointMintsOne() {
    assertEnvelope(d.get("/user/validate", d.master()), 200, "hi there!");
    HttpResponse<String> t = d.get("/token", d.master());
    assertEnvelope(t, 200, "token generated");
    String minted = json(t).at("/data/token").asText();
    assertEnvelope(d.get("/env", minted), 200, "configured environment variables retrieved");
  }

  @Test
  void nonAdminOnAdminPathsIs403() {
    String token = d.userToken("plainuser", "plainpass", false);
    assertEnvelope(d.get("/user/validate", token), 200, "hi there!");
    for (String path : new String[] {"/user/list", "/env", "/token"}) {
      assertEnvelope(d.get(path, token), 403, "admin privileges required");
    }
    assertEnvelope(d.post("/user/add", token, Map.of("username", "x1x", "password", "y1y1y")), 403, "admin privileges required");
    assertEnvelope(d.post("/user/reset", token, null), 403, "admin privileges required");
  }

  @Test
  void userLifecycleWithVerbatimMessages() {
    String m = d.master();
    HttpResponse<String> add = d.post("/user/add", m, Map.of("username", "alice", "password", "s3cret", "admin", true));
    assertEnvelope(add, 201, "user succesfully added");
    assertEquals("alice", json(add).at("/data/user").asText());
    HttpResponse<String> again = d.post("/user/add", m, Map.of("username", "alice", "password", "other1"));
    assertEnvelope(again, 409, "user already exists");
    assertEnvelope(d.post("/user/add", m, Map.of("username", "master", "password", "whatever")), 409, null);

    HttpResponse<String> list = d.get("/user/list", m);
    assertEnvelope(list, 200, "users retrieved");
    assertTrue(list.body().contains("\"alice\""));
    assertFalse(list.body().contains("\"master\""));

    String token = d.login("alice", "s3cret");
    assertEnvelope(d.get("/env", token), 200, null); // alice is admin
    assertEnvelope(d.post("/user/login", null, Map.of("username", "alice", "password", "wrong")), 401, "invalid credentials provided");
    assertEnvelope(d.post("/user/login", null, Map.of("username", "nobody", "password", "wrong")), 401, "invalid credentials provided");
    assertEnvelope(d.post("/user/login", null, Map.of("username", "alice")), 400, "no credentials provided");
    assertEnvelope(d.post("/user/login", null, null), 400, "no credentials provided");

    assertEnvelope(d.post("/user/logout", token, null), 200, "session ended");
    HttpResponse<String> revoked = d.get("/user/validate", token);
    assertEnvelope(revoked, 401, "session not found");
    assertEnvelope(d.post("/user/logout", null, null), 401, "failed to end session");

    String again2 = d.login("alice", "s3cret");
    HttpResponse<String> rm = d.post("/user/remove", m, Map.of("username", "alice"));
    assertEnvelope(rm, 200, "user succesfully removed");
    assertEnvelope(d.get("/user/validate", again2), 401, "session not found");
    assertEnvelope(d.post("/user/remove", m, Map.of("username", "alice")), 404, "user not found");
  }

  @Test
  void credentialRulesAreEnforcedWithTheOriginalsMessages() {
    String m = d.master();
    Object[][] cases = {
      {"samesame", "samesame", "Username and password must be different"},
      {"ab", "goodpass", "Username must be at least 3 characters and only letters, numbers, underscores, and dashes are allowed"},
      {"bad name", "goodpass", "Username must be at least 3 characters and only letters, numbers, underscores, and dashes are allowed"},
      {"goodname", "abc", "Password must be at least 5 characters and only letters, numbers, underscores, and dashes are allowed"},
      {"goodname", "pass word", "Password must be at least 5 characters and only letters, numbers, underscores, and dashes are allowed"},
    };
    for (Object[] c : cases) {
      HttpResponse<String> r = d.post("/user/add", m, Map.of("username", c[0], "password", c[1]));
      assertEnvelope(r, 400, "invalid credentials format");
      assertEquals(c[2], json(r).get("error").asText());
    }
  }

  @Test
  void repeatedLoginFailuresAreThrottledWith429() {
    d.userToken("throttled", "rightpass", false);
    for (int i = 0; i < 5; i++) {
      assertEquals(401, d.post("/user/login", null, Map.of("username", "throttled", "password", "wrongpass")).statusCode());
    }
    HttpResponse<String> r = d.post("/user/login", null, Map.of("username", "throttled", "password", "rightpass"));
    assertEnvelope(r, 429, null);
    assertTrue(json(r).get("message").asText().startsWith("too many failed login attempts - try again in "), r.body());
    assertEquals(5, d.runtime.users().loginAttempts("throttled"));
    d.clock.advance(Duration.ofSeconds(61));
    assertEquals(200, d.post("/user/login", null, Map.of("username", "throttled", "password", "rightpass")).statusCode());
    assertEquals(0, d.runtime.users().loginAttempts("throttled"));
  }

  @Test
  void envSetListRemoveAndErrors() {
    String m = d.master();
    String msg = "environment variable updated - this will be applied the next time your container is started";
    HttpResponse<String> set = d.post("/env", m, Map.of("name", "PLAIN", "value", "hello=world"));
    assertEnvelope(set, 202, msg);
    assertEquals("PLAIN", json(set).at("/data/variable").asText());
    assertEnvelope(d.post("/env", m, Map.of("name", "SECRET", "value", "hunter2", "encrypt", true)), 202, msg);
    HttpResponse<String> list = d.get("/env", m);
    assertEnvelope(list, 200, "configured environment variables retrieved");
    assertTrue(list.body().contains("\"PLAIN=hello=world\""), list.body());
    assertTrue(list.body().contains("\"SECRET=[ENCRYPTED]\""), list.body());
    assertEquals("hunter2", d.runtime.environment().valuesForDeploy().get("SECRET"));

    assertEnvelope(d.post("/env", m, Map.of("value", "x")), 400, "no variable name provided");
    assertEnvelope(d.post("/env", m, Map.of("name", "EMPTY")), 400, "failed to update variable");
    assertEnvelope(d.post("/env", m, Map.of("name", "1BAD", "value", "x")), 400, "invalid variable name");
    assertEnvelope(d.post("/env", m, Map.of("name", "PLAIN", "remove", true)), 202, msg);
    assertEnvelope(d.post("/env", m, Map.of("name", "NEVER_SET", "remove", true)), 202, msg);
    assertFalse(d.get("/env", m).body().contains("PLAIN="));
  }

  @Test
  void statusNeedsTokenAndBadgeIsNotPublicByDefault() {
    HttpResponse<String> s = d.get("/status", d.master());
    assertEnvelope(s, 200, "status retrieved");
    assertFalse(json(s).at("/data/status/version").asText().isEmpty());
    assertEquals(401, d.get("/status", null).statusCode());
    assertEquals(401, d.get("/status?badge=true", null).statusCode());
    HttpResponse<String> badge = d.get("/status?badge=true", d.master());
    assertEquals(200, badge.statusCode());
    assertEquals("no project", json(badge).get("message").asText());
    assertEquals(1, json(badge).get("schemaVersion").asInt());
  }

  @Test
  void requestIdsDifferPerRequest() {
    assertNotEquals(
        json(d.get("/nope", null)).get("request_id").asText(), json(d.get("/nope", null)).get("request_id").asText());
  }
}
