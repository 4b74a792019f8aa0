package io.inertia.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inertia.daemon.TestClock;
import io.inertia.daemon.webhook.DeliveryLog;
import io.inertia.daemon.webhook.DeployedState;
import io.inertia.daemon.webhook.GithubPushes;
import io.inertia.daemon.webhook.InMemoryDeliveryStore;
import io.inertia.daemon.webhook.WebhookConfig;
import io.inertia.daemon.webhook.WebhookService;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send headers and then stall their body, trickle it, or send far too much: they neither hold the
 * server's threads nor its heap. Other requests keep being served; slow bodies end with a 408 envelope, oversized ones
 * with 413, forged ones with 400, all before any route buffers the body.
 */
class SlowAndLargeBodiesTest {
  private static final String SECRET = "test-secret";
  /** A well-formed signature header: the daemon must read the body to check it. */
  private static final String SIGNED = "X-Hub-Signature-256: sha256=" + "ab".repeat(32);

  @TempDir Path root;

  private static TestDaemon daemon(Path root, Duration bodyIdle, Duration bodyDeadline) {
    DeliveryLog log = new DeliveryLog(new InMemoryDeliveryStore(), DeliveryLog.DEFAULT_CAPACITY);
    WebhookService webhooks =
        new WebhookService(
            WebhookConfig.of(SECRET), log, DeployedState::none, deploy -> io.inertia.daemon.webhook.DeploySubmission.QUEUED,
            java.time.Clock.systemUTC());
    return new TestDaemon(
        root,
        new TestClock(),
        StatusSource.nothingDeployed(),
        false,
        List.of(new WebhookHandler(webhooks, log)),
        o -> o.withBodyTimeouts(bodyIdle, bodyDeadline));
  }

  private static String head(String path, long length, String... extra) {
    StringBuilder b = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n");
    for (String h : extra) {
      b.append(h).append("\r\n");
    }
    return b.append(length < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n").append("\r\n").toString();
  }

  private static void assertEnvelope(RawHttp.Reply r, int status) throws Exception {
    assertEquals(status, r.status(), r.toString());
    assertTrue(r.header("content-type").startsWith("application/json"), r.toString());
    assertEquals(status, TestDaemon.JSON.readTree(r.body()).get("code").asInt(), r.toString());
  }

  @Test
  void aHundredStalledBodiesDoNotHoldUpOtherRequests() throws Exception {
    try (TestDaemon d = daemon(root, Duration.ofSeconds(30), Duration.ofSeconds(60))) {
      List<RawHttp> stalled = new ArrayList<>();
      try {
        for (int i = 0; i < 100; i++) {
          RawHttp c = new RawHttp(d);
          stalled.add(c);
          String path = i % 2 == 0 ? "/webhook" : "/user/login";
          c.send(head(path, 1000, "X-GitHub-Event: push", SIGNED) + "{\"user");
        }
        for (int i = 0; i < 5; i++) {
          HttpResponse<String> r = d.get("/status", d.master()); // 10 s client timeout: fails if it waited on a thread
          assertEquals(200, r.statusCode(), r.body());
          HttpResponse<String> login = d.post("/user/login", null, Map.of("username", "nobody", "password", "x"));
          assertEquals(401, login.statusCode(), login.body());
        }
      } finally {
        for (RawHttp c : stalled) {
          c.close();
        }
      }
    }
  }

  @Test
  void stalledAndTricklingBodiesAreCutOffWith408() throws Exception {
    try (TestDaemon d = daemon(root, Duration.ofMillis(500), Duration.ofSeconds(2))) {
      try (RawHttp stalled = new RawHttp(d)) {
        RawHttp.Reply r = stalled.send(head("/user/login", 100) + "{\"username\"").read(false);
        assertEnvelope(r, 408);
        assertTrue(stalled.closedByServer());
      }
      try (RawHttp trickle = new RawHttp(d)) {
        trickle.send(head("/webhook", 10_000, "X-GitHub-Event: push", SIGNED));
        // One byte every 200 ms never trips the idle timeout; the body deadline still ends it.
        ExecutorService sender = Executors.newSingleThreadExecutor();
        Future<?> drip =
            sender.submit(
                () -> {
                  for (int i = 0; i < 100; i++) {
                    trickle.send("x");
                    Thread.sleep(200);
                  }
                  return null;
                });
        try {
          assertEnvelope(trickle.read(false), 408);
        } finally {
          drip.cancel(true);
          sender.shutdownNow();
          sender.awaitTermination(5, TimeUnit.SECONDS);
        }
      }
      assertEquals(200, d.get("/status", d.master()).statusCode());
    }
  }

  @Test
  void oversizedBodiesGet413FromTheHeadersOrWhileStreaming() throws Exception {
    try (TestDaemon d = daemon(root, Duration.ofSeconds(10), Duration.ofSeconds(60))) {
      try (RawHttp c = new RawHttp(d)) {
        assertEnvelope(c.send(head("/webhook", 30L * 1024 * 1024, "X-GitHub-Event: push")).read(false), 413);
      }
      try (RawHttp c = new RawHttp(d)) {
        assertEnvelope(c.send(head("/user/login", 2_000_000)).read(false), 413);
      }
      try (RawHttp c = new RawHttp(d)) {
        // Chunked: no length announced; cut off once past the 1 MiB JSON limit.
        c.send(head("/user/login", -1));
        byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
          for (int i = 0; i < 40; i++) {
            c.send(chunk);
          }
        } catch (java.io.IOException closed) {
          // the server may close while we are still sending
        }
        assertEnvelope(c.read(false), 413);
      }
    }
  }

  @Test
  void webhookHeadersThatFailAreAnsweredWithoutWaitingForTheBody() throws Exception {
    try (TestDaemon d = daemon(root, Duration.ofSeconds(30), Duration.ofSeconds(60))) {
      for (String extra : new String[] {"X-GitHub-Event: push", "X-Unknown-Host: x", "X-Gitlab-Event: Push Hook"}) {
        try (RawHttp c = new RawHttp(d)) {
          // 20 MB announced, not one byte sent: the reply must come from the headers alone.
          RawHttp.Reply r = c.send(head("/webhook", 20_000_000, extra) + "{").read(false);
          assertEnvelope(r, 400);
          assertTrue(c.closedByServer(), "the unread body is not waited for");
        }
      }
    }
  }

  @Test
  void webhookBodiesAreVerifiedWhileStreamedAndLargeSignedOnesStillWork() throws Exception {
    try (TestDaemon d = daemon(root, Duration.ofSeconds(10), Duration.ofSeconds(60))) {
      // Well over the in-memory part of a received body, so it is read back from the spool file.
      String padding = "p".repeat(2 * SpooledBody.MEMORY_BYTES);
      byte[] body =
          new String(GithubPushes.payload("https://example.invalid/o/app.git", "main", "a".repeat(40)), StandardCharsets.UTF_8)
              .replaceFirst("\\{", "{\"padding\":\"" + padding + "\",")
              .getBytes(StandardCharsets.UTF_8);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<RawHttp.Reply>> forged = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          int n = i;
          forged.add(pool.submit(() -> post(d, body, GithubPushes.headers(body, "wrong-secret", "forged-" + n))));
        }
        for (Future<RawHttp.Reply> f : forged) {
          RawHttp.Reply r = f.get(60, TimeUnit.SECONDS);
          assertEnvelope(r, 400);
          assertEquals("payload signature check failed", TestDaemon.JSON.readTree(r.body()).get("error").asText());
        }
      } finally {
        pool.shutdownNow();
      }
      Map<String, String> unsigned = new java.util.LinkedHashMap<>(GithubPushes.headers(body, SECRET, "unsigned"));
      unsigned.remove("X-Hub-Signature-256");
      RawHttp.Reply missing = post(d, body, unsigned);
      assertEnvelope(missing, 400);
      assertEquals("missing signature", TestDaemon.JSON.readTree(missing.body()).get("error").asText());
      assertEnvelope(post(d, body, GithubPushes.headers(body, SECRET, "signed")), 202);
      JsonNode deliveries =
          TestDaemon.json(d.get("/webhook/deliveries?limit=20", d.master())).at("/data/deliveries");
      assertEquals(10, deliveries.size(), deliveries.toString());
    }
  }

  private static RawHttp.Reply post(TestDaemon d, byte[] body, Map<String, String> headers) throws Exception {
    try (RawHttp c = new RawHttp(d)) {
      StringBuilder b = new StringBuilder("POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length + "\r\n");
      headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
      c.send(b.append("\r\n").toString()).send(body);
      return c.read(false);
    }
  }
}
