package io.inertia.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inertia.daemon.DeploymentWiring;
import io.inertia.daemon.TestClock;
import io.inertia.daemon.deploy.DeployFakes;
import io.inertia.daemon.deploy.DeployFakes.FakeBuilder;
import io.inertia.daemon.deploy.DeployFakes.FakeEngine;
import io.inertia.daemon.deploy.DeployFakes.FakeRepository;
import io.inertia.daemon.webhook.GithubPushes;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deploy, logs, releases and webhook endpoints over HTTPS, against the deploy service with its port fakes. */
class DeployApiTest {
  private static final String REMOTE = "git@github.com:o/app.git";
  private static final String SECRET = "hook-secret";

  @TempDir Path root;
  private final FakeRepository repo = new FakeRepository();
  private final FakeEngine engine = new FakeEngine();
  private final FakeBuilder builder = new FakeBuilder(engine);
  private TestDaemon d;

  @BeforeEach
  void start() {
    d =
        new TestDaemon(
            root,
            new TestClock(),
            runtime ->
                new DeploymentWiring(
                    runtime,
                    DeployFakes.service(runtime, repo, builder, engine, "test"),
                    "9.9.9",
                    Clock.systemUTC(),
                    Map.of()));
  }

  @AfterEach
  void stop() {
    d.close();
  }

  private static Map<String, Object> upBody(boolean stream, String project, String remote, String branch, String type) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("stream", stream);
    if (project != null) body.put("project", project);
    if (type != null) body.put("build_type", type);
    Map<String, String> git = new java.util.LinkedHashMap<>();
    if (remote != null) git.put("remote", remote);
    if (branch != null) git.put("branch", branch);
    body.put("git_options", git);
    body.put("webhook_secret", SECRET);
    return body;
  }

  private static void assertEnvelope(HttpResponse<String> r, int status, String messagePart) {
    assertEquals(status, r.statusCode(), r.body());
    JsonNode n = TestDaemon.json(r);
    assertEquals(status, n.get("code").asInt());
    assertTrue(n.get("message").asText().contains(messagePart), r.body());
  }

  @Test
  void upValidatesItsRequest() {
    String m = d.master();
    assertEnvelope(d.post("/up", m, upBody(false, null, REMOTE, "main", "docker-compose")), 400, "project name");
    assertEnvelope(d.post("/up", m, upBody(false, "app", null, "main", "docker-compose")), 400, "remote");
    assertEnvelope(d.post("/up", m, upBody(false, "app", REMOTE, null, "docker-compose")), 400, "branch");
    assertEnvelope(d.post("/up", m, upBody(false, "app", REMOTE, "main", null)), 400, "build type");
    assertEnvelope(d.post("/up", m, upBody(false, "app", REMOTE, "main", "podman")), 400, "unknown build type");
    assertEnvelope(d.post("/up", m, "{not json"), 400, "invalid request body");
    for (String bad : new String[] {"../Dockerfile", "/etc/passwd", "Docker\u0000file"}) {
      Map<String, Object> body = upBody(false, "app", REMOTE, "main", "dockerfile");
      body.put("build_file_path", bad);
      HttpResponse<String> r = d.post("/up", m, body);
      assertEnvelope(r, 400, "invalid build_file_path");
      assertTrue(TestDaemon.json(r).get("error").asText().startsWith("build file path"), r.body());
    }
    assertEquals(401, d.post("/up", null, upBody(false, "app", REMOTE, "main", "docker-compose")).statusCode());
    assertTrue(builder.calls.isEmpty());
  }

  @Test
  void upDeploysThenStatusReleasesLogsDownAndReset() {
    String m = d.master();
    assertEnvelope(d.post("/up", m, upBody(false, "app", REMOTE, "main", "docker-compose")), 201, "Project startup initiated!");
    assertEquals(SECRET, d.runtime.webhookSecrets().current());

    JsonNode status = TestDaemon.json(d.get("/status", m)).at("/data/status");
    assertEquals("c1", status.get("commit_hash").asText());
    assertEquals("9.9.9", status.get("version").asText());
    assertFalse(status.get("build_active").asBoolean());
    assertEquals("/app-web-1", status.get("containers").get(0).asText());
    assertTrue(status.get("new_version_available").isNull());

    JsonNode releases = TestDaemon.json(d.get("/releases", m)).at("/data/releases");
    assertEquals(1, releases.size());
    assertEquals("succeeded", releases.get(0).get("outcome").asText());
    assertTrue(releases.get(0).get("current").asBoolean());

    assertEnvelope(d.get("/logs?entries=abc", m), 400, "invalid number of entries");
    assertEnvelope(d.get("/logs?stream=maybe", m), 400, "invalid stream");
    assertEnvelope(d.get("/logs?container=app-web-1&entries=5", m), 200, "logs retrieved");

    assertEnvelope(d.post("/rollback", m, Map.of()), 412, "no release to roll back to");
    assertEnvelope(d.post("/down", m, null), 200, "project shut down");
    assertEnvelope(d.post("/down", m, null), 412, "No deployment is currently active");
    d.post("/env", m, Map.of("name", "A", "value", "1"));
    assertEnvelope(d.post("/reset", m, null), 200, "project removed");
    assertEquals(0, TestDaemon.json(d.get("/env", m)).at("/data/variables").size());
    assertEnvelope(d.post("/prune", m, null), 200, "docker assets have been pruned");
  }

  @Test
  void streamedUpSendsLinesAndEndsWithTheOutcome() throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(d.uri("/up"))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + d.master())
            .POST(HttpRequest.BodyPublishers.ofString(TestDaemon.JSON.writeValueAsString(upBody(true, "app", REMOTE, "main", "docker-compose"))))
            .build();
    List<String> lines = d.client.send(req, HttpResponse.BodyHandlers.ofLines()).body().toList();
    assertTrue(lines.contains("Fetching repository..."), lines.toString());
    assertEquals("[success 201] Project startup initiated!", lines.get(lines.size() - 1));

    builder.failBuild = true;
    repo.next = "c2";
    List<String> failed = d.client.send(req, HttpResponse.BodyHandlers.ofLines()).body().toList();
    assertTrue(failed.get(failed.size() - 1).startsWith("[error 500] failed to build project"), failed.toString());

    // An Error in the worker (e.g. out of memory) ends the stream with the failure; the next deploy still runs.
    builder.failBuild = false;
    builder.crashWith = new OutOfMemoryError("Java heap space");
    List<String> crashed = d.client.send(req, HttpResponse.BodyHandlers.ofLines()).body().toList();
    assertTrue(
        crashed.get(crashed.size() - 1).startsWith("[error 500] failed to deploy project")
            && crashed.get(crashed.size() - 1).contains("out of memory"),
        crashed.toString());
    List<String> after = d.client.send(req, HttpResponse.BodyHandlers.ofLines()).body().toList();
    assertEquals("[success 201] Project startup initiated!", after.get(after.size() - 1));
  }

  @Test
  void webhookAnswers202BeforeTheDeployRunsAndDeduplicates() throws Exception {
    String m = d.master();
    assertEnvelope(d.post("/up", m, upBody(false, "app", REMOTE, "main", "docker-compose")), 201, "Project startup");
    builder.gate = new CountDownLatch(1);
    repo.next = "c2";
    byte[] body = GithubPushes.payload(REMOTE, "main", "c2");
    HttpResponse<String> r = webhook(body, SECRET, "delivery-1");
    assertEnvelope(r, 202, "I'm a little Webhook");
    assertTrue(TestDaemon.json(d.get("/status", m)).at("/data/status/build_active").asBoolean());
    assertEnvelope(webhook(body, SECRET, "delivery-1"), 202, "I'm a little Webhook");
    assertEquals(4, webhook(body, "wrong", "delivery-2").statusCode() / 100, "forged signature rejected");
    builder.gate.countDown();
    for (int i = 0; i < 200 && TestDaemon.json(d.get("/status", m)).at("/data/status/build_active").asBoolean(); i++) {
      TimeUnit.MILLISECONDS.sleep(25);
    }
    assertEquals("c2", TestDaemon.json(d.get("/status", m)).at("/data/status/commit_hash").asText());

    JsonNode deliveries = TestDaemon.json(d.get("/webhook/deliveries?limit=10", m)).at("/data/deliveries");
    List<String> decisions = new java.util.ArrayList<>();
    deliveries.forEach(n -> decisions.add(n.get("decision").asText()));
    assertTrue(decisions.containsAll(List.of("deploy", "duplicate", "rejected")), decisions.toString());
    assertEnvelope(d.get("/webhook/deliveries?limit=x", m), 400, "invalid limit");
    assertEquals(401, d.get("/webhook/deliveries", null).statusCode());
  }

  private HttpResponse<String> webhook(byte[] body, String secret, String delivery) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(d.uri("/webhook")).timeout(Duration.ofSeconds(10));
    GithubPushes.headers(body, secret, delivery).forEach(b::header);
    return d.client.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void openApiDocumentsTheDeploymentRoutes() {
    JsonNode paths = TestDaemon.json(d.get("/openapi.json", null)).get("paths");
    assertTrue(d.server.routes().size() > 20);
    for (Routes.Route route : d.server.routes()) {
      assertTrue(paths.has(route.path()), "undocumented " + route);
      if (!route.method().equals("WS") && !route.path().equals("/")) {
        assertTrue(paths.get(route.path()).has(route.method().toLowerCase(java.util.Locale.ROOT)), "undocumented " + route);
      }
    }
  }
}
