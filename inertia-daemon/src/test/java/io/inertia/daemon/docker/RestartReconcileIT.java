package io.inertia.daemon.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.inertia.daemon.deploy.BuildType;
import io.inertia.daemon.deploy.DeployRequest;
import io.inertia.daemon.deploy.DeploymentService;
import io.inertia.daemon.deploy.LineSink;
import io.inertia.daemon.deploy.LogSink;
import io.inertia.daemon.deploy.Outcome;
import io.inertia.daemon.deploy.Release;
import io.inertia.daemon.store.Database;
import io.inertia.daemon.store.SqliteDeploymentStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Crash and restart against the real engine: a daemon killed while switching releases (old container stopped and
 * removed, the new one never started, the new release left RUNNING) serves its current release again after the
 * restart, and the interrupted deploy is marked failed; a project taken down on purpose stays down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartReconcileIT {
  private final String project = "restore-deploy-" + UUID.randomUUID().toString().substring(0, 8);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private GitFixtureServer git;
  private Database db;

  @BeforeAll
  void setUp() throws Exception {
    git = GitFixtureServer.start();
  }

  @AfterAll
  void tearDown() throws Exception {
    if (db != null) {
      db.close();
    }
    if (git != null) {
      git.removeProjects(List.of(project));
      git.close();
    }
  }

  private DeploymentService service(Path home) {
    return git.service(home, DockerSettings.DEFAULT_COMPOSE_IMAGE, db, () -> Map.of());
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES) // builds on a shared engine
  void theCurrentReleaseRunsAgainAfterACrashMidSwitchButNotAfterDown() throws Exception {
    int port = GitFixtureServer.freePort();
    String url = "http://127.0.0.1:" + port + "/";
    git.commitFixture("dockerfile", Map.of("@PORT@", Integer.toString(port)), "release 1");
    String c1 = git.head();
    Path home = Files.createDirectories(git.tmp.resolve("daemon-restore"));
    db = Database.open(home.resolve("data/inertia.db"));

    DeploymentService first = service(home);
    Outcome o =
        first.up(DeployRequest.up(project, git.remote, "main", "dockerfile", "", List.of(), ""), LogSink.of(l -> {}))
            .get(5, TimeUnit.MINUTES);
    assertEquals(201, o.status(), o.toString());
    awaitAnswer(url, "df-v1");

    // Killed mid-switch: release 2 was being deployed, the old container is gone, the new one never started.
    git.commitFixture("dockerfile", Map.of("@PORT@", Integer.toString(port), "version.txt", "df-v2\n"), "release 2");
    SqliteDeploymentStore store = new SqliteDeploymentStore(db);
    long interrupted =
        store
            .createRelease(
                new Release(
                    0, project, "main", git.head(), "", BuildType.DOCKERFILE, "Dockerfile", List.of(), "",
                    DeployRequest.Trigger.WEBHOOK, Release.State.RUNNING, "", Instant.now(), Optional.empty(), ""));
    store.recordPhase(interrupted, "switching releases (the previous release may be stopped)");
    new DockerJavaEngine(git.docker).stopProject(project, LineSink.none());
    first.close();
    assertTrue(new DockerJavaEngine(git.docker).projectContainers(project).isEmpty());

    DeploymentService restarted = service(home);
    Outcome restored = restarted.reconcile().orElseThrow().get(5, TimeUnit.MINUTES);
    assertEquals(201, restored.status(), restored.toString());
    awaitAnswer(url, "df-v1");
    assertEquals(List.of("/" + project), restarted.status().containers());
    assertEquals(c1, restarted.status().commitHash());
    Release failed = restarted.releases().stream().filter(r -> r.id() == interrupted).findFirst().orElseThrow();
    assertEquals(Release.State.FAILED, failed.state());
    assertEquals(
        "interrupted by a daemon restart while switching releases (the previous release may be stopped)",
        failed.detail());
    assertEquals(DeployRequest.Trigger.RESTORE, restarted.releases().get(0).trigger());

    restarted.down();
    restarted.close();
    DeploymentService afterDown = service(home);
    assertTrue(afterDown.reconcile().isEmpty(), "taken down on purpose: stays down");
    assertTrue(afterDown.status().containers().isEmpty());
    afterDown.close();
  }

  private void awaitAnswer(String url, String expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        last =
            http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
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
}
