package io.inertia.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inertia.daemon.DeploymentWiring;
import io.inertia.daemon.TestClock;
import io.inertia.daemon.deploy.BuildType;
import io.inertia.daemon.deploy.ContainerEngine;
import io.inertia.daemon.deploy.DeployFakes.FakeBuilder;
import io.inertia.daemon.deploy.DeployFakes.FakeEngine;
import io.inertia.daemon.deploy.DeployFakes.FakeRepository;
import io.inertia.daemon.deploy.DeploymentService;
import io.inertia.daemon.deploy.EngineException;
import io.inertia.daemon.deploy.LineSink;
import io.inertia.daemon.store.SqliteDeploymentStore;
import io.inertia.daemon.webhook.GithubPushes;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every status /openapi.json documents, for every route, is what the running daemon answers: each documented (method,
 * path, status) has a probe here that provokes it, and a documented status without a probe fails the test, so the
 * document cannot promise what the server does not do. The deploy endpoints run over the deploy port fakes, with an
 * engine that can be told to fail (for the 500s).
 */
class OpenApiStatusesTest {
  private static final String REMOTE = "git@github.com:o/app.git";
  private static final String SECRET = "hook-secret";

  @TempDir Path root;
  private final FakeRepository repo = new FakeRepository();
  private final FakeEngine fakeEngine = new FakeEngine();
  private final FailingEngine engine = new FailingEngine(fakeEngine);
  private final FakeBuilder builder = new FakeBuilder(fakeEngine);
  private TestDaemon d;
  private String m;
  private String user;

  @BeforeEach
  void start() {
    d =
        new TestDaemon(
            root,
            new TestClock(),
            runtime ->
                new DeploymentWiring(
                    runtime,
                    new DeploymentService(
                        repo,
                        Map.of(BuildType.DOCKER_COMPOSE, builder, BuildType.DOCKERFILE, builder),
                        engine,
                        new SqliteDeploymentStore(runtime.database()),
                        DeploymentWiring.environmentSource(runtime.environment()),
                        (u, t, c) -> {},
                        Clock.systemUTC(),
                        "test"),
                    "9.9.9",
                    Clock.systemUTC(),
                    Map.of()));
    m = d.master();
    user = d.userToken("alice", "alice-password", false);
  }

  @AfterEach
  void stop() {
    d.close();
  }

  /** An engine that fails every call while {@link #failing} is set; container {@code nope} does not exist. */
  static final class FailingEngine implements ContainerEngine {
    private final FakeEngine delegate;
    volatile boolean failing;

    FailingEngine(FakeEngine delegate) {
      this.delegate = delegate;
    }

    private void check() {
      if (failing) {
        throw new EngineException("docker is unavailable", "test engine set to fail", null);
      }
    }

    @Override
    public List<String> projectContainers(String project) {
      check();
      return delegate.projectContainers(project);
    }

    @Override
    public void stopProject(String project, LineSink log) {
      check();
      delegate.stopProject(project, log);
    }

    @Override
    public void prune(String project, LineSink log) {
      check();
      delegate.prune(project, log);
    }

    @Override
    public boolean isProjectContainer(String container) {
      check();
      return !container.endsWith("nope");
    }

    @Override
    public List<String> logs(String container, int entries) {
      check();
      if (container.endsWith("nope")) {
        throw EngineException.notFound("nope");
      }
      return delegate.logs(container, entries);
    }

    @Override
    public LogFollow followLogs(String container, int entries, LineSink sink) {
      check();
      return delegate.followLogs(container, entries, sink);
    }
  }

  private static Map<String, Object> up(String remote) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("stream", false);
    body.put("project", "app");
    body.put("build_type", "docker-compose");
    body.put("git_options", Map.of("remote", remote, "branch", "main"));
    body.put("webhook_secret", SECRET);
    return body;
  }

  private int deploy(String commit) {
    repo.next = commit;
    return d.post("/up", m, up(REMOTE)).statusCode();
  }

  private int failing(Callable<HttpResponse<String>> call) throws Exception {
    engine.failing = true;
    try {
      return call.call().statusCode();
    } finally {
      engine.failing = false;
    }
  }

  private int webhook(String secret, boolean signed) throws Exception {
    byte[] body = GithubPushes.payload(REMOTE, "main", "d".repeat(40));
    HttpRequest.Builder b = HttpRequest.newBuilder(d.uri("/webhook")).timeout(Duration.ofSeconds(10));
    GithubPushes.headers(body, secret, "delivery-" + System.nanoTime())
        .forEach((k, v) -> {
          if (signed || !k.equals("X-Hub-Signature-256")) {
            b.header(k, v);
          }
        });
    return d.client.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private int raw(String request) throws Exception {
    try (RawHttp c = new RawHttp(d)) {
      return c.send(request).read(false).status();
    }
  }

  private Map<String, Callable<Integer>> probes() {
    Map<String, Callable<Integer>> p = new LinkedHashMap<>();
    p.put("GET / 200", () -> d.get("/", null).statusCode());
    p.put("GET /openapi.json 200", () -> d.get("/openapi.json", null).statusCode());

    // Before any up: no webhook secret is configured yet.
    p.put("POST /webhook 403", () -> webhook(SECRET, true));
    p.put("POST /up 201", () -> deploy("c1"));
    p.put("POST /up 400", () -> d.post("/up", m, "{not json").statusCode());
    p.put("POST /up 412", () -> d.post("/up", m, up("git@github.com:other/repo.git")).statusCode());
    p.put("POST /up 500", () -> {
      builder.failBuild = true;
      try {
        return d.post("/up", m, up(REMOTE)).statusCode();
      } finally {
        builder.failBuild = false;
      }
    });

    p.put("POST /webhook 202", () -> webhook(SECRET, true));
    p.put("POST /webhook 400", () -> webhook(SECRET, false));
    p.put("POST /webhook 413", () -> raw(
        "POST /webhook HTTP/1.1\r\nHost: x\r\nX-GitHub-Event: push\r\nContent-Length: 30000000\r\n\r\n"));
    p.put("GET /webhook/deliveries 200", () -> d.get("/webhook/deliveries", m).statusCode());
    p.put("GET /webhook/deliveries 400", () -> d.get("/webhook/deliveries?limit=x", m).statusCode());

    p.put("GET /status 200", () -> d.get("/status", user).statusCode());
    p.put("GET /status 500", () -> failing(() -> d.get("/status", user)));
    p.put("GET /logs 200", () -> d.get("/logs?container=/app-web-1", user).statusCode());
    p.put("GET /logs 400", () -> d.get("/logs?entries=x", user).statusCode());
    p.put("GET /logs 404", () -> d.get("/logs?container=nope", user).statusCode());
    p.put("GET /logs 500", () -> failing(() -> d.get("/logs?container=/app-web-1", user)));
    p.put("GET /releases 200", () -> d.get("/releases", user).statusCode());

    p.put("GET /env 200", () -> d.get("/env", m).statusCode());
    p.put("POST /env 202", () -> d.post("/env", m, Map.of("name", "GREETING", "value", "hi")).statusCode());
    p.put("POST /env 400", () -> d.post("/env", m, Map.of("name", "1 bad name", "value", "x")).statusCode());
    p.put("GET /token 200", () -> d.get("/token", m).statusCode());

    p.put("POST /rollback 400", () -> d.post("/rollback", m, "{not json").statusCode());
    p.put("POST /rollback 404", () -> d.post("/rollback", m, Map.of("release", 99999)).statusCode());
    p.put("POST /rollback 201", () -> {
      deploy("c2");
      return d.post("/rollback", m, Map.of("stream", false)).statusCode();
    });
    p.put("POST /rollback 500", () -> {
      deploy("c3");
      builder.failBuild = true;
      try {
        return d.post("/rollback", m, Map.of("stream", false)).statusCode();
      } finally {
        builder.failBuild = false;
      }
    });

    p.put("POST /prune 200", () -> d.post("/prune", m, null).statusCode());
    p.put("POST /prune 500", () -> failing(() -> d.post("/prune", m, null)));
    p.put("POST /down 500", () -> failing(() -> d.post("/down", m, null)));
    p.put("POST /down 200", () -> d.post("/down", m, null).statusCode());
    p.put("POST /reset 500", () -> failing(() -> d.post("/reset", m, null)));
    p.put("POST /reset 200", () -> d.post("/reset", m, null).statusCode());
    p.put("POST /down 412", () -> d.post("/down", m, null).statusCode());
    p.put("POST /rollback 412", () -> d.post("/rollback", m, Map.of()).statusCode());

    p.put("GET /user/validate 200", () -> d.get("/user/validate", user).statusCode());
    p.put("GET /user/list 200", () -> d.get("/user/list", m).statusCode());
    p.put("POST /user/add 201", () -> d.post("/user/add", m, Map.of("username", "bob", "password", "bob-password")).statusCode());
    p.put("POST /user/add 400", () -> d.post("/user/add", m, Map.of("password", "no-name")).statusCode());
    p.put("POST /user/add 409", () -> d.post("/user/add", m, Map.of("username", "bob", "password", "bob-password")).statusCode());
    p.put("POST /user/remove 200", () -> d.post("/user/remove", m, Map.of("username", "bob")).statusCode());
    p.put("POST /user/remove 404", () -> d.post("/user/remove", m, Map.of("username", "bob")).statusCode());
    p.put("POST /user/login 200", () -> d.post("/user/login", null, Map.of("username", "alice", "password", "alice-password")).statusCode());
    p.put("POST /user/login 400", () -> d.post("/user/login", null, "{not json").statusCode());
    p.put("POST /user/login 401", () -> d.post("/user/login", null, Map.of("username", "alice", "password", "wrong")).statusCode());
    p.put("POST /user/totp/enable 400", () -> d.post("/user/totp/enable", user, "{not json").statusCode());
    p.put("POST /user/totp/disable 409", () -> d.post("/user/totp/disable", user, null).statusCode());
    p.put("POST /user/totp/enable 403", () -> d.post("/user/totp/enable", user, Map.of("username", "master", "password", "alice-password")).statusCode());
    p.put("POST /user/totp/enable 200", () -> d.post("/user/totp/enable", user, Map.of("username", "alice", "password", "alice-password")).statusCode());
    p.put("POST /user/totp/enable 409", () -> d.post("/user/totp/enable", user, Map.of("username", "alice", "password", "alice-password")).statusCode());
    p.put("POST /user/login 417", () -> d.post("/user/login", null, Map.of("username", "alice", "password", "alice-password")).statusCode());
    p.put("POST /user/totp/disable 200", () -> d.post("/user/totp/disable", user, null).statusCode());
    p.put("POST /user/logout 401", () -> d.post("/user/logout", null, null).statusCode());
    p.put("POST /user/logout 200", () -> d.post("/user/logout", d.login("alice", "alice-password"), null).statusCode());
    p.put("POST /user/login 429", () -> { // after every login: the throttle also counts this source address
      int last = 0;
      for (int i = 0; i < 8 && last != 429; i++) {
        last = d.post("/user/login", null, Map.of("username", "carol", "password", "wrong")).statusCode();
      }
      return last;
    });
    p.put("POST /user/totp/enable 429", () -> { // every password check is throttled, this one too
      int last = 0;
      for (int i = 0; i < 8 && last != 429; i++) {
        last = d.post("/user/totp/enable", user, Map.of("username", "alice", "password", "wrong")).statusCode();
      }
      return last;
    });
    p.put("POST /user/reset 200", () -> d.post("/user/reset", m, null).statusCode()); // last: ends every session
    return p;
  }

  @Test
  void everyDocumentedStatusIsWhatTheServerAnswers() throws Exception {
    JsonNode paths = TestDaemon.json(d.get("/openapi.json", null)).get("paths");
    Map<String, Callable<Integer>> probes = probes();
    List<String> documented = new ArrayList<>();
    List<Callable<Integer>> generic = new ArrayList<>();
    List<String> genericNames = new ArrayList<>();
    paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      String method = op.getKey().toUpperCase(Locale.ROOT);
      String auth = op.getValue().path("x-inertia-auth").asText();
      op.getValue().path("responses").fieldNames().forEachRemaining(status -> {
        String key = method + " " + path.getKey() + " " + status;
        documented.add(key);
        if (!probes.containsKey(key) && (status.equals("401") || status.equals("403")) && !auth.equals("public")) {
          // Auth statuses of protected routes: no token gives 401, a user's token on an admin route 403.
          String token = status.equals("401") ? null : user;
          genericNames.add(key);
          generic.add(() -> d.send(method, path.getKey(), token, method.equals("POST") ? "{}" : null).statusCode());
        }
      });
    }));
    List<String> missing = new ArrayList<>();
    for (String key : documented) {
      if (!probes.containsKey(key) && !genericNames.contains(key)) {
        missing.add(key);
      }
    }
    assertTrue(missing.isEmpty(), "documented statuses without a probe (add one, or fix the document): " + missing);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < generic.size(); i++) {
      check(genericNames.get(i), generic.get(i), wrong);
    }
    for (Map.Entry<String, Callable<Integer>> e : probes.entrySet()) {
      assertTrue(documented.contains(e.getKey()), "probe for an undocumented status: " + e.getKey());
      check(e.getKey(), e.getValue(), wrong);
    }
    assertEquals(List.of(), wrong, "documented status differs from the server's answer");
  }

  private static void check(String key, Callable<Integer> probe, List<String> wrong) throws Exception {
    int expected = Integer.parseInt(key.substring(key.lastIndexOf(' ') + 1));
    int got = probe.call();
    if (got != expected) {
      wrong.add(key + " answered " + got);
    }
  }
}
