package io.inertia.daemon.http;

import static io.inertia.daemon.http.DaemonApiTest.assertEnvelope;
import static io.inertia.daemon.http.TestDaemon.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inertia.common.api.DeploymentStatus;
import io.inertia.common.tls.CertificateFingerprints;
import io.inertia.daemon.TestClock;
import io.inertia.daemon.auth.Totp;
import io.inertia.daemon.settings.AtRestCipher;
import io.inertia.daemon.env.EnvironmentService;
import io.inertia.daemon.env.UnreadableVariablesException;
import io.inertia.daemon.store.SqliteEnvStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flows that need their own daemon: expiry, TOTP, restarts, public badge, unreadable env values. */
class DaemonLifecycleTest {
  @TempDir Path root;

  @Test
  void sessionTokensExpireAndResetEndsAllSessions() {
    TestClock clock = new TestClock();
    try (TestDaemon d = new TestDaemon(root, clock)) {
      String t1 = d.userToken("expiring", "password1", false);
      clock.advance(Duration.ofHours(12).plusSeconds(1));
      HttpResponse<String> r = d.get("/user/validate", t1);
      assertEnvelope(r, 401, "failed to read token");
      assertTrue(json(r).get("error").asText().contains("token expired"), r.body());

      String t2 = d.login("expiring", "password1");
      assertEnvelope(d.post("/user/reset", d.master(), null), 200, "user and session databases reset");
      assertEnvelope(d.get("/user/validate", t2), 401, "session not found");
      assertEnvelope(d.get("/user/validate", d.master()), 200, "hi there!");
      assertEquals(List.of(), d.runtime.users().list());
    }
  }

  @Test
  void anInvalidDbKeyStopsStartupInsteadOfBeingReplaced() throws Exception {
    io.inertia.daemon.settings.DaemonSettings s = io.inertia.daemon.settings.DaemonSettings.under(root);
    java.nio.file.Files.createDirectories(s.secretsDir());
    java.nio.file.Files.write(s.dbKeyFile(), new byte[] {1, 2, 3});
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () -> new io.inertia.daemon.DaemonRuntime(s, "", "127.0.0.1", 0, new TestClock()).close());
    assertTrue(e.getMessage().contains("db.key") && e.getMessage().contains("holds 3 bytes"), e.getMessage());
    assertEquals(3, java.nio.file.Files.size(s.dbKeyFile()));
  }

  @Test
  void failuresFromOneAddressAcrossUserNamesAreThrottled() {
    try (TestDaemon d = new TestDaemon(root, new TestClock())) {
      d.userToken("victim", "password1", false);
      for (int i = 0; i < 5; i++) {
        assertEquals(401, d.post("/user/login", null, Map.of("username", "guess" + i, "password", "password1")).statusCode());
      }
      HttpResponse<String> r = d.post("/user/login", null, Map.of("username", "victim", "password", "password1"));
      assertEnvelope(r, 429, null);
    }
  }

  @Test
  void totpEnableLoginBackupCodesOnceAndDisable() {
    TestClock clock = new TestClock();
    try (TestDaemon d = new TestDaemon(root, clock)) {
      String token = d.userToken("totpuser", "password1", false);
      HttpResponse<String> bad = d.post("/user/totp/enable", token, Map.of("username", "totpuser", "password", "nope1"));
      assertEnvelope(bad, 401, "invalid credentials provided");
      HttpResponse<String> en = d.post("/user/totp/enable", token, Map.of("username", "totpuser", "password", "password1"));
      assertEnvelope(en, 200, "TOTP successfully enabled");
      JsonNode totp = json(en).at("/data/totp");
      String secret = totp.get("secret").asText();
      assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
      assertEquals(10, totp.get("backup_codes").size());
      totp.get("backup_codes").forEach(c -> assertTrue(c.asText().matches("[0-9a-f]{5}-[0-9a-f]{5}"), c.asText()));
      assertEnvelope(
          d.post("/user/totp/enable", token, Map.of("username", "totpuser", "password", "password1")),
          409,
          "TOTP is already enabled on this user");

      HttpResponse<String> missing = d.post("/user/login", null, Map.of("username", "totpuser", "password", "password1"));
      assertEnvelope(missing, 417, "no TOTP provided");
      assertEnvelope(
          d.post("/user/login", null, Map.of("username", "totpuser", "password", "password1", "totp", "000000")),
          401,
          "invalid credentials provided");
      String code = Totp.code(secret, clock.instant());
      HttpResponse<String> ok = d.post("/user/login", null, Map.of("username", "totpuser", "password", "password1", "totp", code));
      assertEnvelope(ok, 200, "session created");

      String backup = totp.get("backup_codes").get(3).asText();
      Map<String, String> withBackup = Map.of("username", "totpuser", "password", "password1", "totp", backup);
      assertEnvelope(d.post("/user/login", null, withBackup), 200, "session created");
      assertEnvelope(d.post("/user/login", null, withBackup), 401, "invalid credentials provided");

      HttpResponse<String> off = d.post("/user/totp/disable", token, null);
      assertEnvelope(off, 200, "TOTP successfully disabled");
      assertEquals("totpuser", json(off).at("/data/user").asText());
      assertEnvelope(d.post("/user/totp/disable", token, null), 409, "TOTP is not enabled on this user");
      assertEnvelope(d.post("/user/login", null, Map.of("username", "totpuser", "password", "password1")), 200, "session created");
    }
  }

  @Test
  void restartKeepsUsersSessionsEnvSecretAndCertificate() {
    TestClock clock = new TestClock();
    String token;
    String fingerprint;
    try (TestDaemon d = new TestDaemon(root, clock)) {
      token = d.userToken("keeper", "password1", true);
      assertEquals(202, d.post("/env", d.master(), Map.of("name", "KEPT", "value", "v1", "encrypt", true)).statusCode());
      d.runtime.webhookSecrets().update("hook-secret");
      fingerprint = CertificateFingerprints.sha256(d.runtime.tls().chain()[0]);
    }
    try (TestDaemon d = new TestDaemon(root, clock)) {
      assertEquals(fingerprint, CertificateFingerprints.sha256(d.runtime.tls().chain()[0]));
      assertEnvelope(d.get("/user/validate", token), 200, "hi there!");
      assertTrue(d.get("/env", token).body().contains("KEPT=[ENCRYPTED]"));
      assertEquals("v1", d.runtime.environment().valuesForDeploy().get("KEPT"));
      assertEquals("hook-secret", d.runtime.webhookSecrets().current());
      assertTrue(d.get("/user/list", token).body().contains("keeper"));
    }
  }

  @Test
  void webhookSecretFromSettingsIsPersistedAndEmptyUpdatesAreIgnored() {
    io.inertia.daemon.settings.DaemonSettings s =
        io.inertia.daemon.settings.DaemonSettings.under(root).withWebhookSecret("from-flag");
    try (io.inertia.daemon.DaemonRuntime rt = new io.inertia.daemon.DaemonRuntime(s, "", "127.0.0.1", 0, new TestClock())) {
      assertEquals("from-flag", rt.webhookSecrets().current());
      rt.webhookSecrets().update("");
      rt.webhookSecrets().update(null);
      assertEquals("from-flag", rt.webhookSecrets().current());
      rt.webhookSecrets().update("from-up");
    }
    try (io.inertia.daemon.DaemonRuntime rt =
        new io.inertia.daemon.DaemonRuntime(
            io.inertia.daemon.settings.DaemonSettings.under(root), "", "127.0.0.1", 0, new TestClock())) {
      assertEquals("from-up", rt.webhookSecrets().current());
    }
  }

  @Test
  void publicBadgeAndStatusFailures() {
    StatusSource deployed =
        () -> new DeploymentStatus("main", "abc", "msg", "docker-compose", List.of("/p_web_1"), false, "v0.8.0", null);
    try (TestDaemon d = new TestDaemon(root, new TestClock(), deployed, true, List.of())) {
      HttpResponse<String> badge = d.get("/status?badge=true", null);
      assertEquals(200, badge.statusCode(), badge.body());
      assertEquals(
          "{\"schemaVersion\":1,\"label\":\"inertia\",\"labelColor\":\"blue\",\"message\":\"deployed\",\"color\":\"green\",\"isError\":false}",
          badge.body());
      assertEquals(401, d.get("/status", null).statusCode());
      HttpResponse<String> s = d.get("/status", d.master());
      assertEquals("abc", json(s).at("/data/status/commit_hash").asText());
      assertTrue(json(s).at("/data/status").has("new_version_available"));
    }
    StatusSource broken =
        () -> {
          throw new IllegalStateException("docker is down");
        };
    try (TestDaemon d = new TestDaemon(root, new TestClock(), broken, false, List.of())) {
      HttpResponse<String> r = d.get("/status", d.master());
      assertEnvelope(r, 500, "failed to get status");
      assertEquals("docker is down", json(r).get("error").asText());
    }
  }

  @Test
  void undecryptableValuesAreReportedNeverDropped() {
    try (TestDaemon d = new TestDaemon(root, new TestClock())) {
      assertEquals(202, d.post("/env", d.master(), Map.of("name", "GOOD", "value", "g")).statusCode());
      // A row sealed with another key, as after db.key was replaced.
      new EnvironmentService(new SqliteEnvStore(d.runtime.database()), new AtRestCipher(new byte[32])).set("LOST", "x", false);
      assertTrue(d.get("/env", d.master()).body().contains("\"LOST=[UNREADABLE]\""));
      UnreadableVariablesException e =
          assertThrows(UnreadableVariablesException.class, () -> d.runtime.environment().valuesForDeploy());
      assertEquals(List.of("LOST"), e.names());
      assertTrue(e.getMessage().contains("LOST"));
      assertTrue(d.get("/env", d.master()).body().contains("LOST"), "still listed");
    }
  }

  @Test
  void extraRouteGroupsPlugInWithRoles() throws Exception {
    RouteGroup extra =
        routes -> routes
            .post("/down", Role.ADMIN, ctx -> Responses.ok(ctx, 200, "project shut down"))
            .get("/releases", Role.USER, ctx -> { throw new ApiException(412, "nothing yet", "detail"); })
            .ws(
                "/logs",
                Role.USER,
                ws -> ws.onConnect(
                    c -> new Thread(() -> {
                          WebSocketLines.send(c, "line 1", Duration.ofSeconds(5));
                          c.closeSession(1000, "bye");
                        }).start()))
            .post(
                "/up",
                Role.ADMIN,
                ctx -> {
                  StreamingResponses.LineWriter w = StreamingResponses.open(ctx, 200);
                  w.line("step 1");
                  Thread.sleep(400);
                  w.line(io.inertia.common.api.StreamLines.success(201, "Project startup initiated!"));
                });
    try (TestDaemon d = new TestDaemon(root, new TestClock(), StatusSource.nothingDeployed(), false, List.of(extra))) {
      String user = d.userToken("plainish", "password1", false);
      assertEnvelope(d.post("/down", d.master(), null), 200, "project shut down");
      assertEnvelope(d.post("/down", user, null), 403, "admin privileges required");
      assertEnvelope(d.post("/down", null, null), 401, "failed to read token");
      HttpResponse<String> rel = d.get("/releases", user);
      assertEnvelope(rel, 412, "nothing yet");
      assertEquals("detail", json(rel).get("error").asText());

      java.net.URI wss = java.net.URI.create("wss://127.0.0.1:" + d.server.port() + "/logs?stream=true");
      java.util.List<String> frames = new java.util.concurrent.CopyOnWriteArrayList<>();
      java.util.concurrent.CompletableFuture<Integer> closed = new java.util.concurrent.CompletableFuture<>();
      java.net.http.WebSocket.Listener listener =
          new java.net.http.WebSocket.Listener() {
            @Override
            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket w, CharSequence data, boolean last) {
              frames.add(data.toString());
              w.request(1);
              return null;
            }

            @Override
            public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket w, int code, String reason) {
              closed.complete(code);
              return null;
            }
          };
      java.util.concurrent.CompletionException noToken =
          assertThrows(
              java.util.concurrent.CompletionException.class,
              () -> d.client.newWebSocketBuilder().buildAsync(wss, listener).join());
      assertEquals(401, ((java.net.http.WebSocketHandshakeException) noToken.getCause()).getResponse().statusCode());
      java.net.http.WebSocket ok =
          d.client.newWebSocketBuilder().header("Authorization", "Bearer " + user).buildAsync(wss, listener).join();
      assertEquals(1000, closed.get(10, java.util.concurrent.TimeUnit.SECONDS));
      assertEquals(List.of("line 1"), frames);

      // Streamed lines arrive as they are written, not at the end.
      java.net.http.HttpRequest up =
          java.net.http.HttpRequest.newBuilder(d.uri("/up"))
              .header("Authorization", "Bearer " + d.master())
              .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
              .build();
      long t0 = System.nanoTime();
      HttpResponse<java.util.stream.Stream<String>> lines = d.client.send(up, HttpResponse.BodyHandlers.ofLines());
      java.util.Iterator<String> it = lines.body().iterator();
      assertEquals("step 1", it.next());
      long firstMs = (System.nanoTime() - t0) / 1_000_000;
      assertEquals("[success 201] Project startup initiated!", it.next());
      long lastMs = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(lastMs - firstMs >= 300, "first line at " + firstMs + " ms, last at " + lastMs + " ms");
      assertTrue(lines.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
    }
  }
}
