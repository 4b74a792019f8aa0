package io.inertia.daemon.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.inertia.daemon.deploy.BuildType;
import io.inertia.daemon.deploy.ContainerEngine;
import io.inertia.daemon.deploy.DeployRequest;
import io.inertia.daemon.deploy.DeploymentService;
import io.inertia.daemon.deploy.DeploymentStatus;
import io.inertia.daemon.deploy.LineSink;
import io.inertia.daemon.deploy.LogSink;
import io.inertia.daemon.deploy.Outcome;
import io.inertia.daemon.deploy.Release;
import io.inertia.daemon.deploy.RepositoryAccessException;
import io.inertia.daemon.git.JGitSourceRepository;
import io.inertia.daemon.store.Database;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The deploy stack against the real engine and a real git-over-SSH server: JGit with a deploy key and strict host
 * keys, compose (v2 and v1 runner images) and Dockerfile builders, releases, rollback, restart, down and prune
 * sparing an unrelated container. Prints the P4 overhead figures of docs/performance.md (not asserted).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeploymentIT {
  private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(2);
  private static final Map<String, String> TEST_LABEL = Map.of("io.inertia.test", "true");
  /** Project names get a per-run suffix (letters and digits only, as Compose v1 keeps them), so runs never clash. */
  private static final String RUN = java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 6);

  private GitFixtureServer git;
  private DockerClient docker;
  private Path tmp;
  private Path key;
  private Path knownHosts;
  private String remote;
  private Path work;
  private Map<String, String> gitEnv;
  private String gitServerId;
  private String unrelatedId;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<DeploymentService> services = new ArrayList<>();
  private final List<Database> databases = new ArrayList<>();
  private final List<String> projects = new CopyOnWriteArrayList<>();

  @BeforeAll
  void setUp() throws Exception {
    git = GitFixtureServer.start();
    docker = git.docker;
    tmp = git.tmp;
    key = git.key;
    knownHosts = git.knownHosts;
    remote = git.remote;
    work = git.work;
    gitEnv = git.gitEnv;
    gitServerId = git.gitServerId;

    // An unrelated container that must survive every operation.
    // docker run -d --label io.inertia.test=true debian:bookworm sleep infinity
    unrelatedId =
        docker.createContainerCmd("debian:bookworm").withLabels(TEST_LABEL).withCmd("sleep", "infinity").exec().getId();
    docker.startContainerCmd(unrelatedId).exec();
  }

  @AfterAll
  void tearDown() throws Exception {
    services.forEach(DeploymentService::close);
    databases.forEach(Database::close);
    if (git == null) {
      return;
    }
    git.removeProjects(projects);
    git.removeContainer(unrelatedId);
    git.close();
  }

  // ---- tests ----

  @Test
  @Order(1)
  void gitOverSshRejectsForeignKeysAndUnknownHosts() throws Exception {
    commitFixture("compose-subfolder", Map.of(), "first compose release");
    Path other = tmp.resolve("other_key");
    run(tmp, Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString());
    JGitSourceRepository foreign =
        new JGitSourceRepository(tmp.resolve("p-foreign"), other, knownHosts, tmp.resolve("ssh-foreign"));
    foreign.initialise(remote, LineSink.none());
    RepositoryAccessException denied =
        assertThrows(RepositoryAccessException.class, () -> foreign.update("main", Optional.empty(), LineSink.none()));
    assertEquals(412, denied.status());
    assertTrue(denied.getMessage().startsWith("Access to project repository rejected; did you forget to add\n"));
    assertTrue(denied.getMessage().endsWith(Files.readString(Path.of(other + ".pub")).strip()));

    // Following a log (sshd logs each connection, e.g. the rejected key above), then cancelling.
    List<String> followed = new CopyOnWriteArrayList<>();
    try (ContainerEngine.LogFollow follow = new DockerJavaEngine(docker).followLogs(gitServerId, 50, followed::add)) {
      for (int i = 0; i < 100 && followed.isEmpty(); i++) {
        Thread.sleep(50);
      }
      assertFalse(followed.isEmpty(), "no log lines followed");
      assertTrue(followed.get(0).matches("^\\d{4}-\\d\\d-\\d\\dT.*"), followed.get(0));
      follow.close();
      assertTrue(follow.awaitEnd(Duration.ofSeconds(5)));
    }

    Path empty = Files.writeString(tmp.resolve("empty_known_hosts"), "");
    JGitSourceRepository unknownHost =
        new JGitSourceRepository(tmp.resolve("p-unknown"), key, empty, tmp.resolve("ssh-unknown"));
    unknownHost.initialise(remote, LineSink.none());
    RepositoryAccessException hostKey =
        assertThrows(
            RepositoryAccessException.class, () -> unknownHost.update("main", Optional.empty(), LineSink.none()));
    assertTrue(hostKey.detail().contains("unknown or changed"), hostKey.detail());
  }

  @Test
  @Order(2)
  void composeProjectLifecycle() throws Exception {
    int webPort = freePort();
    String project = "app" + RUN;
    projects.add(project);
    Path home = Files.createDirectories(tmp.resolve("daemon-compose"));
    Files.createDirectories(home.resolve("persist"));
    Files.writeString(home.resolve("persist/kept.txt"), "data");
    Map<String, String> env = Map.of("WEB_PORT", Integer.toString(webPort), "GREETING", "hello from env");
    DeploymentService service = service(home, DockerSettings.DEFAULT_COMPOSE_IMAGE, env);
    String url = "http://127.0.0.1:" + webPort;

    // up → the service answers with the commit.
    String c1 = head();
    long t0 = System.nanoTime();
    Outcome first = up(service, project, BuildType.DOCKER_COMPOSE, "deploy/docker-compose.yml");
    assertEquals(201, first.status(), first.toString());
    awaitAnswer(url + "/", c1);
    System.out.printf("[P4] first deploy (clone + build + up) until serving: %d ms%n", ms(t0));
    assertEquals("conf-v1", get(url + "/conf"));
    assertEquals("kept.txt", get(url + "/persist"));
    assertEquals("hello from env", get(url + "/env"));
    DeploymentStatus status = service.status();
    assertEquals(c1, status.commitHash());
    assertEquals("main", status.branch());
    assertEquals(List.of("/" + project + "-web-1"), status.containers());
    assertFalse(status.buildActive());
    assertTrue(running(unrelatedId));

    // P4 baseline: a bare `docker compose up -d --build` of a changed build, by hand.
    Path projectDir = home.resolve("project");
    long b0 = System.nanoTime();
    run(
        projectDir.resolve("deploy"), Map.of(), "docker", "run", "--rm", "-v", "/var/run/docker.sock:/var/run/docker.sock",
        "-v", projectDir + ":" + projectDir, "-w", projectDir.resolve("deploy").toString(),
        "-e", "INERTIA_COMMIT=manual-baseline", "-e", "WEB_PORT=" + webPort, "-e", "GREETING=x",
        "-e", "INERTIA_PERSIST_DIR=" + home.resolve("persist"), "docker:26-cli",
        "compose", "-p", project, "-f", projectDir.resolve("deploy/docker-compose.yml").toString(), "up", "-d", "--build");
    awaitAnswer(url + "/", "manual-baseline");
    long baseline = ms(b0);

    // New commit + up → new answer (timed from the request to serving).
    commitFixture("compose-subfolder", Map.of("deploy/conf/value.txt", "conf-v2\n"), "second compose release");
    String c2 = head();
    long d0 = System.nanoTime();
    List<String> timed = new CopyOnWriteArrayList<>();
    Outcome second =
        service
            .up(
                request(project, BuildType.DOCKER_COMPOSE, "deploy/docker-compose.yml", "main"),
                LogSink.of(line -> timed.add(String.format("%6d ms  %s", ms(d0), line))))
            .get(5, TimeUnit.MINUTES);
    System.out.println("[P4] timed deploy output:\n  " + String.join("\n  ", timed));
    assertEquals(201, second.status(), second.toString());
    awaitAnswer(url + "/", c2);
    long deploy = ms(d0);
    System.out.printf(
        "[P4] bare compose up -d --build: %d ms; inertia deploy (fetch + build + up): %d ms; overhead: %d ms%n",
        baseline, deploy, deploy - baseline);
    assertEquals("conf-v2", get(url + "/conf"));

    // A failing build leaves the old release serving.
    commitFixture("compose-subfolder+failing", Map.of(), "broken build");
    Outcome broken = up(service, project, BuildType.DOCKER_COMPOSE, "deploy/docker-compose.yml");
    assertEquals(500, broken.status(), broken.toString());
    assertEquals("failed to build project", broken.message());
    assertEquals(c2, get(url + "/"));
    Release failed = service.releases().get(0);
    assertEquals(Release.State.FAILED, failed.state());
    assertTrue(failed.log().contains("this build fails on purpose"), failed.log());

    // Rollback → the previous good release answers again.
    Outcome rolledBack = service.rollback(Optional.empty(), LogSink.of(line -> {})).get(5, TimeUnit.MINUTES);
    assertEquals(201, rolledBack.status(), rolledBack.toString());
    awaitAnswer(url + "/", c1);
    assertEquals(c1, service.status().commitHash());

    // Logs without multiplex headers.
    List<String> logs = service.logs("/" + project + "-web-1", 10);
    logs.forEach(l -> assertFalse(l.chars().anyMatch(ch -> ch < 9), "binary in log line: " + l));

    io.inertia.daemon.deploy.EngineException unknown =
        assertThrows(io.inertia.daemon.deploy.EngineException.class, () -> service.logs("/no-such-container-x", 5));
    assertEquals(404, unknown.status());

    // A new service on the same database (= daemon restart) still knows the deployment.
    DeploymentService restarted = service(home, DockerSettings.DEFAULT_COMPOSE_IMAGE, env);
    assertEquals(c1, restarted.status().commitHash());
    assertEquals(List.of("/" + project + "-web-1"), restarted.status().containers());
    assertEquals(project, restarted.settings().project());

    // Prune and down touch only the project.
    restarted.prune();
    assertTrue(running(unrelatedId));
    restarted.down();
    assertEquals(List.of(), restarted.status().containers());
    assertThrows(IOException.class, () -> get(url + "/"));
    assertTrue(running(unrelatedId));
    assertTrue(docker.listNetworksCmd().withFilter("label", List.of("io.inertia.project=" + project)).exec().isEmpty());
    restarted.reset();
    assertTrue(running(unrelatedId));
    assertEquals("data", Files.readString(home.resolve("persist/kept.txt")));
  }

  @Test
  @Order(3)
  void composeV1RunnerImageAlsoWorks() throws Exception {
    try {
      docker.inspectImageCmd("docker/compose:1.29.2").exec();
    } catch (NotFoundException e) {
      Assumptions.abort("docker/compose:1.29.2 stand-in not built");
    }
    commitFixture("compose-subfolder", Map.of(), "compose v1 release");
    int webPort = freePort();
    String project = "appv" + RUN;
    projects.add(project);
    Path home = Files.createDirectories(tmp.resolve("daemon-compose-v1"));
    DeploymentService service =
        service(home, "docker/compose:1.29.2", Map.of("WEB_PORT", Integer.toString(webPort), "GREETING", "v1"));
    Outcome o = up(service, project, BuildType.DOCKER_COMPOSE, "deploy/docker-compose.yml");
    assertEquals(201, o.status(), o.toString());
    awaitAnswer("http://127.0.0.1:" + webPort + "/", head());
    assertEquals(List.of("/" + project + "_web_1"), service.status().containers());
    service.down();
    assertTrue(running(unrelatedId));
  }

  @Test
  @Order(4)
  void dockerfileProjectLifecycle() throws Exception {
    int port = freePort();
    String project = "dfapp" + RUN;
    projects.add(project);
    run(work, gitEnv, "git", "checkout", "-q", "-B", "dockerfile");
    commitFixture("dockerfile", Map.of("@PORT@", Integer.toString(port)), "dockerfile release 1");
    Path home = Files.createDirectories(tmp.resolve("daemon-dockerfile"));
    Files.createDirectories(home.resolve("persist"));
    Files.writeString(home.resolve("persist/df.txt"), "x");
    DeploymentService service = service(home, DockerSettings.DEFAULT_COMPOSE_IMAGE, Map.of("GREETING", "df"));
    String url = "http://127.0.0.1:" + port;

    Outcome o = service.up(request(project, BuildType.DOCKERFILE, "", "dockerfile"), LogSink.of(l -> {}))
        .get(5, TimeUnit.MINUTES);
    assertEquals(201, o.status(), o.toString());
    awaitAnswer(url + "/", "df-v1");
    assertEquals("df.txt", get(url + "/persist"));
    assertEquals("df", get(url + "/env"));
    assertEquals(List.of("/" + project), service.status().containers());

    commitFixture("dockerfile", Map.of("@PORT@", Integer.toString(port), "version.txt", "df-v2\n"), "release 2");
    Outcome o2 = service.up(request(project, BuildType.DOCKERFILE, "", "dockerfile"), LogSink.of(l -> {}))
        .get(5, TimeUnit.MINUTES);
    assertEquals(201, o2.status(), o2.toString());
    awaitAnswer(url + "/", "df-v2");
    Set<String> tags = Set.of(docker.inspectImageCmd("inertia-build/" + project + ":latest").exec().getRepoTags().toArray(String[]::new));
    assertTrue(tags.contains("inertia-build/" + project + ":" + o2.releaseId().orElseThrow()), tags.toString());

    // Rollback reuses the first release's image instead of rebuilding.
    List<String> rollbackLines = new CopyOnWriteArrayList<>();
    Outcome back = service.rollback(Optional.empty(), LogSink.of(rollbackLines::add)).get(5, TimeUnit.MINUTES);
    assertEquals(201, back.status(), back.toString());
    awaitAnswer(url + "/", "df-v1");
    assertTrue(rollbackLines.contains("Reusing image inertia-build/" + project + ":" + o.releaseId().orElseThrow()), rollbackLines.toString());

    service.down();
    assertThrows(IOException.class, () -> get(url + "/"));
    assertTrue(running(unrelatedId));
    run(work, gitEnv, "git", "checkout", "-q", "main");
  }

  // ---- helpers ----

  private DeploymentService service(Path home, String composeImage, Map<String, String> env) {
    Database db = Database.open(home.resolve("data/inertia.db"));
    databases.add(db);
    DeploymentService s = git.service(home, composeImage, db, () -> env);
    services.add(s);
    return s;
  }

  private DeployRequest request(String project, BuildType type, String file, String branch) {
    return DeployRequest.up(project, remote, branch, type.wireName(), file, List.of(), "");
  }

  private Outcome up(DeploymentService service, String project, BuildType type, String file) throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    Outcome o = service.up(request(project, type, file, "main"), LogSink.of(lines::add)).get(5, TimeUnit.MINUTES);
    if (!o.success()) {
      System.out.println("deploy output:\n  " + String.join("\n  ", lines));
    }
    return o;
  }

  private void commitFixture(String fixture, Map<String, String> edits, String message) throws Exception {
    git.commitFixture(fixture, edits, message);
  }

  private String head() throws Exception {
    return git.head();
  }

  private void awaitAnswer(String url, String expected) throws Exception {
    long deadline = System.nanoTime() + DEPLOY_TIMEOUT.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        last = get(url);
        if (last.equals(expected)) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(50);
    }
    fail("timed out waiting for " + url + " to answer " + expected + ", last: " + last);
  }

  private String get(String url) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString());
    return r.body();
  }

  private boolean running(String id) {
    return Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getRunning());
  }

  private static int freePort() throws IOException {
    return GitFixtureServer.freePort();
  }

  private static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static String run(Path dir, Map<String, String> env, String... command) throws Exception {
    return GitFixtureServer.run(dir, env, command);
  }
}
