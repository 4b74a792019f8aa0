package io.inertia.daemon.bench;

import io.inertia.daemon.DeploymentWiring;
import io.inertia.daemon.TestClock;
import io.inertia.daemon.deploy.DeployFakes;
import io.inertia.daemon.deploy.DeployFakes.FakeBuilder;
import io.inertia.daemon.deploy.DeployFakes.FakeEngine;
import io.inertia.daemon.deploy.DeployFakes.FakeRepository;
import io.inertia.daemon.http.TestDaemon;
import io.inertia.daemon.webhook.GithubPushes;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * Benchmark, not a test (run with {@code scripts/bench-webhook.sh}): a real daemon on loopback HTTPS with a configured
 * deployment (the deploy service over its port fakes, so only the HTTP + webhook + queue path is measured). Sends
 * {@code N} (default 100) concurrent signed GitHub pushes and prints the 202 latency p50/p99; then, with a deploy
 * holding the worker, a burst of 20 pushes for one commit and the number of deploys it caused. Targets (PERFORMANCE):
 * p99 ≤ 50 ms, ≤ 2 deploys per burst. Nothing is asserted.
 */
public final class WebhookLatencyBench {
  private static final String REMOTE = "git@github.com:o/app.git";
  private static final String SECRET = "bench-secret";

  public static void main(String[] args) throws Exception {
    // --serve SECONDS: set up the deployment, print where to send deliveries, then keep serving so an outside load
    // generator (scripts/bench-webhook.sh runs wrk) measures the daemon without sharing its JVM.
    boolean serve = args.length > 1 && args[0].equals("--serve");
    int serveSeconds = serve ? Integer.parseInt(args[1]) : 0;
    int n = !serve && args.length > 0 ? Integer.parseInt(args[0]) : 100;
    Path root = Files.createTempDirectory("inertia-webhook-bench");
    FakeRepository repo = new FakeRepository();
    FakeEngine engine = new FakeEngine();
    FakeBuilder builder = new FakeBuilder(engine);
    try (TestDaemon d =
        new TestDaemon(
            root,
            new TestClock(),
            runtime ->
                new DeploymentWiring(
                    runtime,
                    DeployFakes.service(runtime, repo, builder, engine, "bench"),
                    "bench",
                    Clock.systemUTC(),
                    Map.of()))) {
      Map<String, Object> up =
          Map.of(
              "project", "app", "build_type", "docker-compose", "webhook_secret", SECRET,
              "git_options", Map.of("remote", REMOTE, "branch", "main"));
      if (d.post("/up", d.master(), up).statusCode() != 201) {
        throw new IllegalStateException("up failed");
      }
      if (serve) {
        byte[] body = GithubPushes.payload(REMOTE, "main", "c1");
        Path bodyFile = root.resolve("payload.json");
        Files.write(bodyFile, body);
        System.out.println("URL " + d.uri("/webhook"));
        System.out.println("BODY " + bodyFile);
        System.out.println("SIG " + GithubPushes.headers(body, SECRET, "x").get("X-Hub-Signature-256"));
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(serveSeconds * 1000L);
        System.out.printf("releases after serving: %d%n", releases(d));
        return;
      }
      // Warm-up (JIT, TLS session set-up), not measured.
      round(d, 20, "warm", "c0");
      waitIdle(d);

      // First round: most deliveries open a new TLS connection (as separate Git host requests do).
      report("new connections", n, round(d, n, "lat", "c1"));
      waitIdle(d);
      // Second round: the client's pooled connections are reused, so this is the daemon's own time.
      report("pooled connections", n, round(d, n, "lat2", "c1"));
      waitIdle(d);
      List<Long> seq = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        seq.addAll(round(d, 1, "seq", "c1"));
      }
      report("one at a time", n, seq);
      waitIdle(d);

      int before = releases(d);
      builder.gate = new CountDownLatch(1); // the first deploy holds the worker while the burst arrives
      repo.next = "c2";
      round(d, 20, "burst", "c2");
      builder.gate.countDown();
      waitIdle(d);
      System.out.printf("burst of 20 pushes -> %d deploy(s)%n", releases(d) - before);
    }
  }

  private static void report(String what, int n, List<Long> micros) {
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    System.out.printf(
        "webhook 202 latency, %d deliveries, %s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        n, what, pct(sorted, 50) / 1000.0, pct(sorted, 99) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
  }

  private static List<Long> round(TestDaemon d, int n, String prefix, String commit) throws Exception {
    byte[] body = GithubPushes.payload(REMOTE, "main", commit);
    List<CompletableFuture<Long>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      HttpRequest.Builder b = HttpRequest.newBuilder(d.uri("/webhook")).timeout(Duration.ofSeconds(30));
      GithubPushes.headers(body, SECRET, prefix + "-" + System.nanoTime() + "-" + i).forEach(b::header);
      HttpRequest req = b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
      long t0 = System.nanoTime();
      futures.add(
          d.client
              .sendAsync(req, HttpResponse.BodyHandlers.ofString())
              .thenApply(
                  r -> {
                    if (r.statusCode() != 202) {
                      throw new IllegalStateException("status " + r.statusCode() + ": " + r.body());
                    }
                    return (System.nanoTime() - t0) / 1000;
                  }));
    }
    List<Long> out = new ArrayList<>();
    for (CompletableFuture<Long> f : futures) {
      out.add(f.get());
    }
    return out;
  }

  private static void waitIdle(TestDaemon d) throws InterruptedException {
    for (int i = 0; i < 400; i++) {
      if (!TestDaemon.json(d.get("/status", d.master())).at("/data/status/build_active").asBoolean()) {
        return;
      }
      Thread.sleep(25);
    }
    throw new IllegalStateException("deploys did not finish");
  }

  private static int releases(TestDaemon d) {
    return TestDaemon.json(d.get("/releases", d.master())).at("/data/releases").size();
  }

  private static long pct(List<Long> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
  }
}
