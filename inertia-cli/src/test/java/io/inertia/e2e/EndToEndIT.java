package io.inertia.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.cli.InertiaCli;
import io.inertia.cli.bootstrap.SshRemoteOperations;
import io.inertia.cli.daemon.DaemonClient;
import io.inertia.common.Version;
import io.inertia.common.config.ConfigFiles;
import io.inertia.common.config.RemoteConfig;
import io.inertia.testenv.DockerCommands;
import io.inertia.testenv.Poll;
import io.inertia.testenv.TestVps;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The product's acceptance test: laptop → SSH → VPS → daemon container → compose runner container → the user's app,
 * all through the real CLI ({@link InertiaCli#run} in-process, the ServiceLoader's SSH layer, the real daemon image).
 *
 * <p>Per VPS image: a git repo with the sample app of {@code test_env/demo/app} is pushed to a real sshd git server
 * container; {@code inertia init}, {@code remote add}, {@code <remote> init} (the git server's host key reaches the
 * VPS's known_hosts through {@code INERTIA_GIT_HOSTS}; the printed deploy key is added to the git server), {@code
 * send-image} of the app's base image and the compose runner (no registry), {@code up} (streamed) → the app answers
 * with the commit; a new commit and a signed GitHub push webhook (pinned certificate, host name checked) → the app
 * answers with the new commit; {@code status}, {@code logs --short}, {@code down} → the app stops answering.
 *
 * <p>Images: {@code -Dinertia.e2e.images=a,b} (or env {@code INERTIA_E2E_IMAGES}); default the trixie VPS without
 * Docker (the bootstrap installs it) and the bookworm VPS with Docker; {@code -Dinertia.e2e.systemd=true} adds the
 * systemd VPS. Needs the daemon image {@code ghcr.io/ubclaunchpad/inertiad:<version>} ({@code make daemon-image}).
 */
class EndToEndIT {
  private static final Path REPO_ROOT = DockerCommands.repositoryRoot();
  private static final Path APP_TEMPLATE = REPO_ROOT.resolve("test_env/demo/app");
  private static final Path DAEMON_TEST_RESOURCES = REPO_ROOT.resolve("inertia-daemon/src/test/resources");
  private static final String BASE_IMAGE = "inertia-fixture-base:1";
  private static final String COMPOSE_IMAGE = "docker:26-cli";
  private static final String GIT_SERVER_IMAGE = "inertia-test-gitserver:1";
  private static final Duration DOCKER = Duration.ofMinutes(5);

  static Stream<String> vpsImages() {
    String given = System.getProperty("inertia.e2e.images", System.getenv("INERTIA_E2E_IMAGES"));
    List<String> images = new ArrayList<>();
    if (given != null && !given.isBlank()) {
      images.addAll(Arrays.stream(given.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    } else {
      images.add("inertia-testvps:debian-trixie-nodocker");
      images.add("inertia-testvps:debian-bookworm");
    }
    if (Boolean.getBoolean("inertia.e2e.systemd")) {
      images.add("inertia-testvps:debian-bookworm-systemd");
    }
    return images.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vpsImages")
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void laptopToVpsToApp(String vpsImage) throws Exception {
    DockerCommands.requireEngine();
    Phases phases = new Phases(vpsImage);
    Path tmp = Files.createTempDirectory("inertia-e2e-");
    String gitServer = "inertia-e2e-git-" + UUID.randomUUID().toString().substring(0, 8);
    TestVps vps = null;
    try {
      phases.start("local images");
      ensureImage(BASE_IMAGE, DAEMON_TEST_RESOURCES.resolve("fixtures/base"));
      ensureImage(GIT_SERVER_IMAGE, DAEMON_TEST_RESOURCES.resolve("gitserver"));
      String daemonImage = "ghcr.io/ubclaunchpad/inertiad:" + Version.current();
      assertTrue(DockerCommands.imageExists(daemonImage), daemonImage + " is missing: run `make daemon-image`");
      assertTrue(DockerCommands.imageExists(COMPOSE_IMAGE), COMPOSE_IMAGE + " is missing: run `make images`");

      // a. the git server and the app's repository
      phases.start("git server + first push");
      Path pusherKey = tmp.resolve("pusher_ed25519");
      exec(tmp, Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "e2e-pusher", "-f", pusherKey.toString());
      DockerCommands.check(DOCKER, "run", "-d", "--name", gitServer, "--label", DockerCommands.TEST_LABEL,
          "-e", "AUTHORIZED_KEY=" + Files.readString(Path.of(pusherKey + ".pub")).strip(), GIT_SERVER_IMAGE);
      String gitIp = DockerCommands.check(DOCKER, "inspect", "-f", "{{.NetworkSettings.IPAddress}}", gitServer);
      Path gitKnownHosts = tmp.resolve("git_known_hosts");
      Poll.every(Duration.ofMillis(200), Duration.ofSeconds(30)).until("sshd of the git server", () -> {
        String scan = exec(tmp, Map.of(), "ssh-keyscan", "-T", "2", gitIp);
        if (!scan.contains("ssh-ed25519")) {
          return false;
        }
        write(gitKnownHosts, scan);
        return true;
      });
      String gitUrl = "ssh://git@" + gitIp + ":22/srv/app.git";
      Map<String, String> gitEnv = Map.of(
          "GIT_SSH_COMMAND", "ssh -i " + pusherKey + " -o IdentitiesOnly=yes -o BatchMode=yes"
              + " -o StrictHostKeyChecking=yes -o UserKnownHostsFile=" + gitKnownHosts,
          "GIT_AUTHOR_NAME", "e2e", "GIT_AUTHOR_EMAIL", "e2e@example.com",
          "GIT_COMMITTER_NAME", "e2e", "GIT_COMMITTER_EMAIL", "e2e@example.com");
      Path repo = Files.createDirectories(tmp.resolve("e2e-app"));
      for (String f : List.of("Dockerfile", "docker-compose.yml", "server.py")) {
        Files.copy(APP_TEMPLATE.resolve(f), repo.resolve(f));
      }
      exec(repo, gitEnv, "git", "init", "-q", "-b", "main");
      exec(repo, gitEnv, "git", "remote", "add", "origin", gitUrl);
      exec(repo, gitEnv, "git", "add", "-A");
      exec(repo, gitEnv, "git", "commit", "-q", "-m", "first");
      exec(repo, gitEnv, "git", "push", "-q", "origin", "main");
      String commit1 = exec(repo, gitEnv, "git", "rev-parse", "HEAD").strip();

      // The VPS: SSH, the daemon port at the same number inside and out (the daemon runs with -p PORT:4303), the app.
      phases.start("start VPS");
      int daemonPort = freePort();
      vps = TestVps.start(vpsImage,
          List.of("-p", "127.0.0.1:" + daemonPort + ":" + daemonPort, "-p", "127.0.0.1::8000"));
      int appPort = vps.publishedPort(8000);

      // b. inertia init, remote add, <remote> init
      Cli cli = new Cli(repo, Map.of(
          "INERTIA_PATH", tmp.resolve("global").toString(),
          "HOME", Files.createDirectories(tmp.resolve("home")).toString(),
          "INERTIA_GIT_HOSTS", gitIp,
          "INERTIA_DEFAULT_GIT_HOSTS", "none")); // tests contact only their own containers
      phases.start("inertia init + remote add");
      cli.ok("", "init", "--global");
      Cli.Run init = cli.ok("\n", "init", "e2e-app");
      assertTrue(init.out.contains("docker-compose project detected"), init.toString());
      cli.ok("", "remote", "add", "e2e", "--ip", "127.0.0.1", "--ssh.port", Integer.toString(vps.sshPort()),
          "--ssh.user", "root", "--ssh.key", vps.privateKey().toString(), "--daemon.port", Integer.toString(daemonPort));

      phases.start("inertia e2e init");
      Cli.Run bootstrap = cli.ok("", "e2e", "init");
      for (int step = 1; step <= 4; step++) {
        assertTrue(bootstrap.out.contains("Step " + step + "/4"), bootstrap.toString());
      }
      phases.bootstrapSteps(bootstrap);
      Matcher key = Pattern.compile("(?m)^(ssh-(?:ed25519|rsa) \\S+.*)$").matcher(bootstrap.out);
      assertTrue(key.find(), "no deploy key printed:\n" + bootstrap);
      DockerCommands.check(DOCKER, "exec", gitServer, "sh", "-c",
          "printf '%s\\n' \"$1\" >> /home/git/.ssh/authorized_keys", "sh", key.group(1).strip());
      RemoteConfig remote = ConfigFiles.loadRemotes(tmp.resolve("global/inertia.remotes")).remotes().stream()
          .filter(r -> r.name().equals("e2e")).findFirst().orElseThrow();

      phases.start("send-image base + compose runner");
      cli.ok("", "e2e", "send-image", BASE_IMAGE);
      cli.ok("", "e2e", "send-image", COMPOSE_IMAGE);

      // c. up (streamed, ends by itself) → the app answers with the commit
      phases.start("inertia e2e up");
      Cli.Run up = cli.ok("", "e2e", "up");
      assertTrue(up.out.contains("[success 201]"), up.toString());
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      URI app = URI.create("http://127.0.0.1:" + appPort + "/");
      awaitBody(http, app, commit1, Duration.ofSeconds(60));

      // d. a new commit and a signed GitHub push webhook → the app answers with the new commit
      phases.start("push + webhook → redeploy");
      Files.writeString(repo.resolve("CHANGES"), "second\n");
      exec(repo, gitEnv, "git", "add", "-A");
      exec(repo, gitEnv, "git", "commit", "-q", "-m", "second");
      exec(repo, gitEnv, "git", "push", "-q", "origin", "main");
      String commit2 = exec(repo, gitEnv, "git", "rev-parse", "HEAD").strip();
      X509Certificate cert = daemonCertificate(vps);
      assertEquals(normalizeFingerprint(remote.daemon().certFingerprint()),
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded())),
          "the pinned fingerprint is the daemon's certificate");
      byte[] payload = ("{\"ref\":\"refs/heads/main\",\"after\":\"" + commit2 + "\",\"deleted\":false,"
          + "\"head_commit\":{\"id\":\"" + commit2 + "\"},\"repository\":{\"name\":\"app\",\"full_name\":\"e2e/app\","
          + "\"clone_url\":\"" + gitUrl + "\",\"ssh_url\":\"" + gitUrl + "\"}}").getBytes(UTF_8);
      HttpResponse<String> hook = pinnedClient(cert).send(
          HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + daemonPort + "/webhook"))
              .timeout(Duration.ofSeconds(20))
              .header("Content-Type", "application/json")
              .header("User-Agent", "GitHub-Hookshot/e2e")
              .header("X-GitHub-Event", "push")
              .header("X-GitHub-Delivery", UUID.randomUUID().toString())
              .header("X-Hub-Signature-256", "sha256=" + hmacSha256(payload, remote.daemon().webhookSecret()))
              .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(202, hook.statusCode(), hook.body());
      awaitBody(http, app, commit2, Duration.ofSeconds(180));

      // e. status, logs, down
      phases.start("status + logs + down");
      Cli.Run status = cli.ok("", "e2e", "status");
      assertTrue(status.out.contains("is online"), status.toString());
      assertTrue(status.out.contains("Branch:     main"), status.toString());
      assertTrue(status.out.contains(commit2), status.toString());
      assertTrue(status.out.contains("Active containers:"), status.toString());
      Matcher container = Pattern.compile("(?m)^ - (\\S*web\\S*)$").matcher(status.out);
      assertTrue(container.find(), "no web container in:\n" + status);
      Cli.Run logs = cli.ok("", "e2e", "logs", "--short", container.group(1));
      assertTrue(logs.out.contains("demo app serving commit " + commit2), logs.toString());
      // The compose service name works as well as the container's.
      logs = cli.ok("", "e2e", "logs", "--short", "web");
      assertTrue(logs.out.contains("demo app serving commit " + commit2), logs.toString());
      cli.ok("", "e2e", "down");
      Poll.every(Duration.ofMillis(500), Duration.ofSeconds(60)).until("the app to stop answering", () -> {
        try {
          http.send(HttpRequest.newBuilder(app).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString());
          return false;
        } catch (IOException stopped) {
          return true;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      });
      phases.end();
    } catch (Throwable t) {
      if (vps != null) {
        System.out.println("--- VPS container logs\n" + vps.logs());
        System.out.println("--- daemon logs\n" + vps.exec("docker logs --tail 80 inertia-daemon 2>&1").stdout());
      }
      throw t;
    } finally {
      phases.print();
      if (vps != null) {
        vps.close();
      }
      DockerCommands.run(DOCKER, "rm", "-f", "-v", gitServer);
      deleteTree(tmp);
    }
  }

  private static void awaitBody(HttpClient http, URI uri, String expected, Duration timeout) {
    String[] last = {"(no answer)"};
    try {
      Poll.every(Duration.ofMillis(500), timeout).until("the app at " + uri + " to answer " + expected, () -> {
        try {
          HttpResponse<String> r = http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
          last[0] = r.statusCode() + " " + r.body().strip();
          return r.statusCode() == 200 && r.body().strip().equals(expected);
        } catch (IOException e) {
          last[0] = e.toString();
          return false;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      });
    } catch (IllegalStateException e) {
      throw new AssertionError(e.getMessage() + "; last answer: " + last[0], e);
    }
  }

  /** The daemon's certificate as the VPS holds it ({@code ~/.inertia/ssl/daemon.cert} of the SSH user). */
  private static X509Certificate daemonCertificate(TestVps vps) throws Exception {
    String pem = vps.exec("cat ~/.inertia/ssl/daemon.cert").check().stdout();
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(UTF_8)));
  }

  /** An HTTPS client that trusts only {@code cert}, host name checked (the certificate must carry 127.0.0.1). */
  private static HttpClient pinnedClient(X509Certificate cert) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("daemon", cert);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
  }

  private static String normalizeFingerprint(String fp) {
    String s = fp.strip();
    if (s.regionMatches(true, 0, "SHA256:", 0, 7)) {
      s = s.substring(7);
    }
    return s.replace(":", "").toLowerCase();
  }

  private static String hmacSha256(byte[] body, String secret) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }

  private static void ensureImage(String image, Path context) {
    if (!DockerCommands.imageExists(image)) {
      DockerCommands.check(Duration.ofMinutes(10), "build", "-q", "--label", DockerCommands.TEST_LABEL,
          "-t", image, context.toString());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Runs a local command (git, ssh-keygen, ssh-keyscan) with a 2-minute bound; fails unless it exits 0. */
  private static String exec(Path dir, Map<String, String> env, String... command) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().putAll(env);
    DockerCommands.Result r = DockerCommands.execute(pb, Duration.ofMinutes(2), String.join(" ", command));
    if (!r.ok()) {
      throw new IllegalStateException(String.join(" ", command) + " exited " + r.exitCode() + ": " + r.stderr());
    }
    return r.stdout();
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** {@code inertia} in-process in the repository, with captured, line-timestamped output and a time bound. */
  private static final class Cli {
    private static final Duration BOUND = Duration.ofMinutes(8);
    private final Path dir;
    private final Map<String, String> env;
    private final ExecutorService runner = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "inertia-e2e-cli");
      t.setDaemon(true);
      return t;
    });

    Cli(Path dir, Map<String, String> env) {
      this.dir = dir;
      this.env = env;
    }

    record Run(int code, String out, String err, List<Line> lines, long startNanos, long endNanos) {
      @Override
      public String toString() {
        return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
      }
    }

    record Line(long nanos, String text) {}

    Run ok(String stdin, String... args) throws Exception {
      TimedLines out = new TimedLines();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      long start = System.nanoTime();
      Future<Integer> code = runner.submit(() -> InertiaCli.run(args, new InertiaCli.Environment(
          env, dir, new ByteArrayInputStream(stdin.getBytes(UTF_8)),
          new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), false,
          DaemonClient::new,
          () -> new SshRemoteOperations(env, Path.of(env.get("INERTIA_PATH"), "known_hosts")))));
      int exit;
      try {
        exit = code.get(BOUND.toSeconds(), TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        code.cancel(true);
        throw new AssertionError("inertia " + String.join(" ", args) + " did not end within " + BOUND
            + "\n--- out\n" + out.text() + "--- err\n" + err.toString(UTF_8));
      }
      Run r = new Run(exit, out.text(), err.toString(UTF_8), out.lines(), start, System.nanoTime());
      System.out.printf("$ inertia %s   (%.1f s)%n%s%n", String.join(" ", args), (r.endNanos - start) / 1e9, r);
      assertEquals(0, r.code, "inertia " + String.join(" ", args) + "\n" + r);
      return r;
    }
  }

  /** An output stream that remembers when each line was completed. */
  private static final class TimedLines extends OutputStream {
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<Cli.Line> lines = new ArrayList<>();

    @Override
    public synchronized void write(int b) {
      all.write(b);
      if (b == '\n') {
        lines.add(new Cli.Line(System.nanoTime(), line.toString(UTF_8)));
        line.reset();
      } else {
        line.write(b);
      }
    }

    synchronized String text() {
      return all.toString(UTF_8);
    }

    synchronized List<Cli.Line> lines() {
      return List.copyOf(lines);
    }
  }

  /** Wall-clock time per phase, and per bootstrap step, printed at the end (also on failure). */
  private static final class Phases {
    private final String vps;
    private final Map<String, Long> millis = new LinkedHashMap<>();
    private final Map<String, Long> steps = new LinkedHashMap<>();
    private final long t0 = System.nanoTime();
    private String current;
    private long since;

    Phases(String vps) {
      this.vps = vps;
    }

    void start(String phase) {
      end();
      current = phase;
      since = System.nanoTime();
    }

    void end() {
      if (current != null) {
        millis.put(current, (System.nanoTime() - since) / 1_000_000);
        current = null;
      }
    }

    /** Step n/4 lasts from its "Step n/4" line to the next step's line (the last one: to the end of init). */
    void bootstrapSteps(Cli.Run init) {
      Pattern step = Pattern.compile("Step (\\d)/4: (.*)");
      String name = null;
      long from = 0;
      for (Cli.Line l : init.lines()) {
        Matcher m = step.matcher(l.text());
        if (m.find()) {
          if (name != null) {
            steps.put(name, (l.nanos() - from) / 1_000_000);
          }
          name = m.group(1) + "/4 " + m.group(2);
          from = l.nanos();
        }
      }
      if (name != null) {
        steps.put(name, (init.endNanos() - from) / 1_000_000);
      }
    }

    void print() {
      end();
      StringBuilder s = new StringBuilder("=== EndToEndIT timings on " + vps + "\n");
      millis.forEach((k, v) -> s.append(String.format("  %-36s %7.1f s%n", k, v / 1000.0)));
      steps.forEach((k, v) -> s.append(String.format("    bootstrap %-30s %7.1f s%n", k, v / 1000.0)));
      s.append(String.format("  %-36s %7.1f s%n", "total", (System.nanoTime() - t0) / 1e9));
      System.out.print(s);
    }
  }
}
