package io.inertia.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.inertia.daemon.DeploymentWiring;
import io.inertia.daemon.TestClock;
import io.inertia.daemon.docker.DockerSettings;
import io.inertia.daemon.docker.GitFixtureServer;
import io.inertia.daemon.webhook.GithubPushes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole daemon over HTTPS with a real deployment service on the real Docker engine: a streamed {@code up} of a
 * compose fixture from the test git server, {@code /status} during and after, a followed project log over the
 * WebSocket, a signed GitHub push answered 202 before the redeploy, and a burst of pushes coalescing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DaemonDeployIT {
  private static final String PROJECT = "glue-it";
  private static final String SECRET = "it-webhook-secret";
  private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(3);

  private Path root;
  private GitFixtureServer git;
  private TestDaemon d;
  private final HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeAll
  void start() throws Exception {
    git = GitFixtureServer.start();
    root = git.tmp.resolve("daemon");
    Files.createDirectories(root.resolve("persist"));
    d =
        new TestDaemon(
            root,
            new TestClock(),
            runtime ->
                new DeploymentWiring(
                    runtime,
                    git.service(
                        root, DockerSettings.DEFAULT_COMPOSE_IMAGE, runtime.database(),
                        DeploymentWiring.environmentSource(runtime.environment())),
                    "it",
                    Clock.systemUTC(),
                    Map.of()));
  }

  @AfterAll
  void stop() throws Exception {
    if (d != null) {
      d.close();
    }
    if (git != null) {
      git.removeProjects(List.of(PROJECT));
      git.close();
    }
  }

  @Test
  void upStatusLogsWebhookAndBurst() throws Exception {
    String m = d.master();
    int webPort = GitFixtureServer.freePort();
    String url = "http://127.0.0.1:" + webPort + "/";
    assertEquals(202, d.post("/env", m, Map.of("name", "WEB_PORT", "value", Integer.toString(webPort))).statusCode());
    assertEquals(202, d.post("/env", m, Map.of("name", "GREETING", "value", "hi", "encrypt", true)).statusCode());
    git.commitFixture("compose-subfolder", Map.of("server.py", loggingServer()), "release 1");
    String c1 = git.head();

    // Streamed up: lines arrive while the deploy runs, /status says build_active, the last line ends the response.
    Map<String, Object> up = new LinkedHashMap<>();
    up.put("stream", true);
    up.put("project", PROJECT);
    up.put("build_type", "docker-compose");
    up.put("build_file_path", "deploy/docker-compose.yml");
    up.put("git_options", Map.of("remote", git.remote, "branch", "main"));
    up.put("webhook_secret", SECRET);
    HttpRequest req =
        HttpRequest.newBuilder(d.uri("/up"))
            .timeout(DEPLOY_TIMEOUT)
            .header("Authorization", "Bearer " + m)
            .POST(HttpRequest.BodyPublishers.ofString(TestDaemon.JSON.writeValueAsString(up)))
            .build();
    HttpResponse<Stream<String>> streamed = d.client.send(req, HttpResponse.BodyHandlers.ofLines());
    assertEquals(200, streamed.statusCode());
    List<String> lines = new ArrayList<>();
    boolean sawActive = false;
    for (Iterator<String> it = streamed.body().iterator(); it.hasNext(); ) {
      lines.add(it.next());
      if (lines.size() == 1) {
        sawActive = status().get("build_active").asBoolean();
      }
    }
    System.out.println("streamed up: " + lines.size() + " lines");
    assertTrue(sawActive, "build_active during the deploy");
    assertTrue(lines.size() > 3, lines.toString());
    assertEquals("[success 201] Project startup initiated!", lines.get(lines.size() - 1), String.join("\n", lines));
    awaitAnswer(url, c1);
    JsonNode status = status();
    assertEquals(c1, status.get("commit_hash").asText());
    assertEquals(List.of("/" + PROJECT + "-web-1"), TestDaemon.JSON.convertValue(status.get("containers"), List.class));

    // The project's log over the WebSocket.
    List<String> frames = new CopyOnWriteArrayList<>();
    WebSocket ws =
        d.client
            .newWebSocketBuilder()
            .header("Authorization", "Bearer " + m)
            .buildAsync(
                URI.create("wss://127.0.0.1:" + d.server.port() + "/logs?stream=true&container=" + PROJECT + "-web-1"),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    frames.add(data.toString());
                    w.request(1);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);
    get(url + "hello-from-it");
    poll(() -> frames.stream().anyMatch(f -> f.contains("hello-from-it")), Duration.ofSeconds(20), "log frame");
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);

    // A signed push: 202 before the redeploy, then the service answers with the new commit.
    git.commitFixture("compose-subfolder", Map.of("server.py", loggingServer()), "release 2");
    String c2 = git.head();
    long t0 = System.nanoTime();
    HttpResponse<String> hook = webhook(c2, "it-delivery-1");
    long hookMs = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(202, hook.statusCode(), hook.body());
    assertTrue(status().get("build_active").asBoolean(), "202 came before the deploy finished");
    System.out.println("webhook 202 after " + hookMs + " ms");
    awaitAnswer(url, c2);

    // A burst of 10 deliveries for one new commit: at most two deploys.
    poll(() -> !status().get("build_active").asBoolean(), DEPLOY_TIMEOUT, "deploy end");
    int before = releases();
    git.commitFixture("compose-subfolder", Map.of("server.py", loggingServer()), "release 3");
    String c3 = git.head();
    List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      burst.add(webhookAsync(c3, "it-burst-" + i));
    }
    for (CompletableFuture<HttpResponse<String>> f : burst) {
      assertEquals(202, f.get(30, TimeUnit.SECONDS).statusCode());
    }
    poll(() -> !status().get("build_active").asBoolean(), DEPLOY_TIMEOUT, "burst deploys end");
    awaitAnswer(url, c3);
    int deploys = releases() - before;
    System.out.println("burst of 10 pushes -> " + deploys + " deploy(s)");
    assertTrue(deploys >= 1 && deploys <= 2, "deploys: " + deploys);
  }

  private JsonNode status() {
    return TestDaemon.json(d.get("/status", d.master())).at("/data/status");
  }

  private int releases() {
    return TestDaemon.json(d.get("/releases", d.master())).at("/data/releases").size();
  }

  private HttpResponse<String> webhook(String commit, String delivery) throws Exception {
    return webhookAsync(commit, delivery).get(30, TimeUnit.SECONDS);
  }

  private CompletableFuture<HttpResponse<String>> webhookAsync(String commit, String delivery) {
    byte[] body = GithubPushes.payload(git.remote, "main", commit);
    HttpRequest.Builder b = HttpRequest.newBuilder(d.uri("/webhook")).timeout(Duration.ofSeconds(30));
    GithubPushes.headers(body, SECRET, delivery).forEach(b::header);
    return d.client.sendAsync(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The fixture server, printing one line per request so the project has a log to follow. */
  private static String loggingServer() throws Exception {
    String server = Files.readString(GitFixtureServer.resource("fixtures/server.py"), StandardCharsets.UTF_8);
    return server.replace(
        "    def log_message(self, *args):\n        pass",
        "    def log_message(self, *args):\n        print(\"request\", self.path, flush=True)");
  }

  private void awaitAnswer(String url, String expected) throws Exception {
    String[] last = {""};
    poll(
        () -> {
          try {
            last[0] = get(url);
          } catch (IOException e) {
            last[0] = e.toString();
          }
          return last[0].equals(expected);
        },
        DEPLOY_TIMEOUT,
        url + " answering " + expected);
  }

  private String get(String url) throws IOException {
    try {
      return plain.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private interface Check {
    boolean ok() throws Exception;
  }

  private static void poll(Check check, Duration timeout, String what) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (check.ok()) {
        return;
      }
      Thread.sleep(100);
    }
    fail("timed out waiting for " + what);
  }
}
