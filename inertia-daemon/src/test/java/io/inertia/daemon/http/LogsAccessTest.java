package io.inertia.daemon.http;

import static io.inertia.daemon.http.DaemonApiTest.assertEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inertia.daemon.DeploymentWiring;
import io.inertia.daemon.TestClock;
import io.inertia.daemon.deploy.DeployFakes;
import io.inertia.daemon.deploy.DeployFakes.FakeBuilder;
import io.inertia.daemon.deploy.DeployFakes.FakeEngine;
import io.inertia.daemon.deploy.DeployFakes.FakeRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /logs} reads only the daemon's and the project's containers, and refuses crafted names before any engine call. */
class LogsAccessTest {
  @TempDir Path root;

  @Test
  void onlyTheDaemonsAndTheProjectsContainersAndOnlyWellFormedNames() {
    FakeEngine engine = new FakeEngine();
    try (TestDaemon d =
        new TestDaemon(
            root,
            new TestClock(),
            runtime ->
                new DeploymentWiring(
                    runtime,
                    DeployFakes.service(runtime, new FakeRepository(), new FakeBuilder(engine), engine, "test"),
                    "9.9.9",
                    Clock.systemUTC(),
                    Map.of()))) {
      String user = d.userToken("viewer", "viewerpass", false);
      engine.running.add("/app-web-1");

      assertEnvelope(d.get("/logs", user), 200, "logs retrieved");
      assertEnvelope(d.get("/logs?container=app-web-1&entries=5", user), 200, "logs retrieved");
      assertEnvelope(d.get("/logs?container=/app-web-1", user), 200, "logs retrieved");
      // Another workload on the same host: exactly like a missing container.
      assertEnvelope(d.get("/logs?container=postgres", user), 404, "container not found");
      for (String crafted :
          new String[] {
            "..%2F..%2Fcontainers%2Fjson", "app-web-1%2F..%2F..%2Finfo", "a%00b", "-x", "app%20web", "%2E%2E",
            "a%3Fstdout%3D1", "x".repeat(129)
          }) {
        assertEnvelope(d.get("/logs?container=" + crafted, user), 400, "invalid container name");
      }
      assertEquals(List.of("/inertia-daemon", "/app-web-1", "/app-web-1"), engine.logsRead);

      // The WebSocket follow obeys the same rules.
      assertEquals("1011 container not found: /postgres", followClose(d, user, "postgres"));
      assertEquals("1008 invalid container name", followClose(d, user, "..%2Fx"));
    }
  }

  /** Opens {@code /logs?stream=true&container=} as a WebSocket and returns "code reason" of the server's close. */
  private static String followClose(TestDaemon d, String token, String container) {
    java.util.concurrent.CompletableFuture<String> closed = new java.util.concurrent.CompletableFuture<>();
    java.net.http.WebSocket.Listener listener =
        new java.net.http.WebSocket.Listener() {
          @Override
          public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket w, int code, String reason) {
            closed.complete(code + " " + reason);
            return null;
          }
        };
    java.net.URI uri =
        java.net.URI.create("wss://127.0.0.1:" + d.server.port() + "/logs?stream=true&container=" + container);
    d.client.newWebSocketBuilder().header("Authorization", "Bearer " + token).buildAsync(uri, listener).join();
    try {
      return closed.get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("no close from the server for " + container, e);
    }
  }
}
