package io.inertia.daemon.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.daemon.store.Database;
import io.inertia.daemon.store.SqliteDeploymentStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import io.inertia.daemon.deploy.DeployFakes.FakeBuilder;
import io.inertia.daemon.deploy.DeployFakes.FakeEngine;
import io.inertia.daemon.deploy.DeployFakes.FakeRepository;
import org.junit.jupiter.api.Test;

/** The deploy service against hand-written fakes of its ports and a real in-memory SQLite store. */
class DeploymentServiceTest {
  private static final String REMOTE = "git@github.com:o/app.git";

  private final Database db = Database.inMemory();
  private final FakeRepository repo = new FakeRepository();
  private final FakeEngine engine = new FakeEngine();
  private final FakeBuilder builder = new FakeBuilder(engine);
  private final List<String> notifications = new CopyOnWriteArrayList<>();
  private final List<DeploymentService> services = new ArrayList<>();

  @AfterEach
  void close() {
    services.forEach(DeploymentService::close);
    db.close();
  }

  private DeploymentService service(EnvironmentSource env) {
    DeploymentService s =
        new DeploymentService(
            repo, Map.of(BuildType.DOCKER_COMPOSE, builder, BuildType.DOCKERFILE, builder), engine,
            new SqliteDeploymentStore(db), env, (url, text, colour) -> notifications.add(colour + " " + text),
            Clock.systemUTC(), "test");
    services.add(s);
    return s;
  }

  private DeploymentService service() {
    return service(() -> Map.of("A", "1"));
  }

  private static DeployRequest up(String buildFile) {
    return DeployRequest.up("app", REMOTE, "main", "docker-compose", buildFile, List.of(), "https://hooks/x");
  }

  private static Outcome await(CompletableFuture<Outcome> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  @Test
  void upBuildsActivatesAndRecordsARelease() throws Exception {
    DeploymentService s = service();
    List<String> lines = new CopyOnWriteArrayList<>();
    Outcome o = await(s.up(up(""), LogSink.of(lines::add)));

    assertEquals(201, o.status(), o.toString());
    assertEquals(Outcome.STARTED, o.message());
    assertEquals("[success 201] Project startup initiated!", o.streamLine());
    assertTrue(lines.contains("No deployment detected"), lines.toString());
    assertEquals(List.of("build c1", "activate c1"), builder.calls);
    Release r = s.releases().get(0);
    assertEquals(Release.State.SUCCEEDED, r.state());
    assertEquals("c1", r.commit());
    assertEquals(List.of("A"), r.envNames());
    assertTrue(r.log().contains("app build successful"), r.log());
    assertEquals(Optional.of(r.id()), s.settings().currentReleaseId());
    DeploymentStatus st = s.status();
    assertEquals("c1", st.commitHash());
    assertEquals("main", st.branch());
    assertEquals(List.of("/app-web-1"), st.containers());
    assertFalse(st.buildActive());
    assertEquals(List.of("WARNING Build started: app at c1", "GOOD Build completed"), notifications);
  }

  @Test
  void failedBuildKeepsTheOldReleaseAndReports500() throws Exception {
    DeploymentService s = service();
    await(s.up(up(""), LogSink.of(l -> {})));
    long good = s.settings().currentReleaseId().orElseThrow();
    repo.next = "c2";
    builder.failBuild = true;
    List<Outcome> ended = new CopyOnWriteArrayList<>();
    Outcome o =
        await(
            s.up(
                up(""),
                new LogSink() {
                  @Override
                  public void line(String line) {}

                  @Override
                  public void done(Outcome outcome) {
                    ended.add(outcome);
                  }
                }));

    assertEquals(500, o.status());
    assertEquals("failed to build project", o.message());
    assertEquals("[error 500] failed to build project: (broken Dockerfile)", o.streamLine());
    assertEquals(List.of(o), ended);
    assertEquals(List.of("build c1", "activate c1", "build c2"), builder.calls);
    assertEquals(Optional.of(good), s.settings().currentReleaseId());
    assertEquals(Release.State.FAILED, s.releases().get(0).state());
    assertTrue(notifications.contains("DANGER Build error: broken Dockerfile"), notifications.toString());
  }

  @Test
  void anErrorInTheWorkerFailsThatDeployClearlyAndTheQueueGoesOn() throws Exception {
    DeploymentService s = service();
    await(s.up(up(""), LogSink.of(l -> {})));
    builder.crashWith = new OutOfMemoryError("Java heap space");
    repo.next = "c2";
    List<String> lines = new CopyOnWriteArrayList<>();
    List<Outcome> done = new CopyOnWriteArrayList<>();
    Outcome crashed =
        await(
            s.up(
                up(""),
                new LogSink() {
                  @Override
                  public void line(String line) {
                    lines.add(line);
                  }

                  @Override
                  public void done(Outcome outcome) {
                    done.add(outcome);
                  }
                }));

    assertEquals(500, crashed.status(), crashed.toString());
    assertTrue(crashed.detail().contains("ran out of memory (Java heap space)"), crashed.toString());
    assertEquals(List.of(crashed), done);
    Release failed = s.releases().get(0);
    assertEquals(Release.State.FAILED, failed.state());
    assertTrue(failed.detail().contains("out of memory"), failed.detail());
    assertFalse(s.buildActive());
    assertEquals(Optional.of(s.releases().get(1).id()), s.settings().currentReleaseId());

    builder.crashWith = new StackOverflowError();
    assertEquals(500, await(s.up(up(""), LogSink.of(l -> {}))).status());
    repo.next = "c3";
    Outcome next = await(s.up(up(""), LogSink.of(l -> {})));
    assertEquals(201, next.status(), next.toString());
    assertEquals("c3", s.status().commitHash());
  }

  @Test
  void closingTheServiceStillAnswersEveryWaitingCaller() throws Exception {
    DeploymentService s = service();
    builder.gate = new CountDownLatch(1);
    CompletableFuture<Outcome> running = s.up(up(""), LogSink.of(l -> {}));
    for (int i = 0; i < 500 && !builder.calls.contains("build c1"); i++) {
      Thread.sleep(10);
    }
    CompletableFuture<Outcome> queued = s.up(up(""), LogSink.of(l -> {}));
    s.close();
    Outcome abandoned = await(queued);
    assertEquals(500, abandoned.status());
    assertTrue(abandoned.detail().contains("shutting down"), abandoned.toString());
    await(running);
  }

  @Test
  void anotherRemoteIsRejectedWith412() throws Exception {
    DeploymentService s = service();
    await(s.up(up(""), LogSink.of(l -> {})));
    Outcome o =
        await(
            s.up(
                DeployRequest.up("app", "https://github.com/other/repo", "main", "", "", List.of(), ""),
                LogSink.of(l -> {})));
    assertEquals(412, o.status());
    assertTrue(o.message().startsWith("The given remote URL does not match"), o.message());
    // The same repository in https form is accepted.
    Outcome same =
        await(s.up(DeployRequest.up("", "https://github.com/o/app", "", "", "", List.of(), ""), LogSink.of(l -> {})));
    assertEquals(201, same.status(), same.toString());
  }

  @Test
  void rejectedDeployKeyIs412WithThePublicKey() throws Exception {
    repo.denyAccess = true;
    Outcome o = await(service().up(up(""), LogSink.of(l -> {})));
    assertEquals(412, o.status());
    assertTrue(o.message().startsWith("Access to project repository rejected"), o.message());
    assertTrue(o.message().endsWith("ssh-ed25519 AAAA deploy"), o.message());
  }

  @Test
  void aMissingBranchIs412WhenSettingUpAnd500Later() throws Exception {
    DeploymentService s = service();
    Outcome setup =
        await(s.up(DeployRequest.up("app", REMOTE, "nope", "", "", List.of(), ""), LogSink.of(l -> {})));
    assertEquals(412, setup.status(), setup.toString());
    assertTrue(setup.detail().contains("nope"));
    await(s.up(up(""), LogSink.of(l -> {})));
    Outcome later =
        await(s.up(DeployRequest.up("app", REMOTE, "nope", "", "", List.of(), ""), LogSink.of(l -> {})));
    assertEquals(500, later.status(), later.toString());
  }

  @Test
  void undecryptableVariablesStopTheDeploy() throws Exception {
    DeploymentService s =
        service(
            () -> {
              throw new UndecryptableVariablesException(List.of("DB_PASSWORD"), null);
            });
    Outcome o = await(s.up(up(""), LogSink.of(l -> {})));
    assertEquals(500, o.status());
    assertTrue(o.detail().contains("DB_PASSWORD"), o.detail());
    assertTrue(builder.calls.isEmpty());
  }

  @Test
  void requestsArrivingDuringADeployCoalesceIntoOneMoreForTheNewest() throws Exception {
    DeploymentService s = service();
    builder.gate = new CountDownLatch(1);
    CompletableFuture<Outcome> first = s.up(up("first.yml"), LogSink.of(l -> {}));
    assertTrue(builder.entered.await(5, TimeUnit.SECONDS));
    assertTrue(s.buildActive());
    List<CompletableFuture<Outcome>> later = new ArrayList<>();
    List<String> secondLines = new CopyOnWriteArrayList<>();
    later.add(s.up(up("second.yml"), LogSink.of(secondLines::add)));
    later.add(s.up(up("third.yml"), LogSink.of(l -> {})));
    later.add(s.up(up("newest.yml"), LogSink.of(l -> {})));
    later.add(s.requestDeploy("main", "c9").orElseThrow()); // a push keeps the queued `up` and its settings
    builder.gate.countDown();

    assertEquals(201, await(first).status());
    for (CompletableFuture<Outcome> f : later) {
      assertEquals(201, await(f).status());
    }
    assertEquals(List.of("first.yml", "newest.yml"), builder.files);
    assertTrue(secondLines.contains("A newer deploy request replaced this one; waiting for it instead"));
    assertTrue(secondLines.contains("newest build successful") || secondLines.contains("app build successful"));
    assertEquals(later.get(0).get().releaseId(), later.get(2).get().releaseId());
    assertFalse(s.buildActive());
  }

  @Test
  void aRestartKeepsSettingsAndFailsAnInterruptedRelease() throws Exception {
    DeploymentService first = service();
    await(first.up(up(""), LogSink.of(l -> {})));
    long current = first.settings().currentReleaseId().orElseThrow();
    SqliteDeploymentStore store = new SqliteDeploymentStore(db);
    long interrupted =
        store.createRelease(
            new Release(
                0, "app", "main", "c2", "", BuildType.DOCKER_COMPOSE, "docker-compose.yml", List.of(), "",
                DeployRequest.Trigger.WEBHOOK, Release.State.RUNNING, "", Instant.now(), Optional.empty(), ""));
    first.close();

    DeploymentService restarted = service();
    assertEquals("app", restarted.settings().project());
    assertEquals(Optional.of(current), restarted.settings().currentReleaseId());
    Release r = store.release(interrupted).orElseThrow();
    assertEquals(Release.State.FAILED, r.state());
    assertEquals("interrupted by a daemon restart", r.detail());
    assertEquals("c1", restarted.status().commitHash());
    assertTrue(restarted.requestDeploy("main", "c2").isPresent());
  }

  @Test
  void aCrashWhileSwitchingReleasesIsRepairedAtTheNextStart() throws Exception {
    DeploymentService first = service();
    await(first.up(up(""), LogSink.of(l -> {})));
    long current = first.settings().currentReleaseId().orElseThrow();
    // Killed mid-switch: release 2 was being deployed, the old containers are stopped, the new ones never started.
    SqliteDeploymentStore store = new SqliteDeploymentStore(db);
    long interrupted =
        store.createRelease(
            new Release(
                0, "app", "main", "c2", "", BuildType.DOCKER_COMPOSE, "docker-compose.yml", List.of(), "",
                DeployRequest.Trigger.WEBHOOK, Release.State.RUNNING, "", Instant.now(), Optional.empty(), ""));
    store.recordPhase(interrupted, "switching releases (the previous release may be stopped)");
    engine.running.clear();
    first.close();
    builder.calls.clear();

    DeploymentService restarted = service();
    assertEquals(Release.State.FAILED, store.release(interrupted).orElseThrow().state());
    assertEquals(
        "interrupted by a daemon restart while switching releases (the previous release may be stopped)",
        store.release(interrupted).orElseThrow().detail());
    Outcome restored = await(restarted.reconcile().orElseThrow());

    assertEquals(201, restored.status(), restored.toString());
    assertEquals(List.of("build c1", "activate c1"), builder.calls, "the current release's commit, not c2");
    assertFalse(engine.running.isEmpty());
    Release r = restarted.releases().get(0);
    assertEquals(DeployRequest.Trigger.RESTORE, r.trigger());
    assertEquals("c1", r.commit());
    assertEquals(Optional.of(r.id()), restarted.settings().currentReleaseId());
    assertTrue(r.id() > current);
    assertEquals("c1", restarted.status().commitHash());
    assertTrue(restarted.reconcile().isEmpty(), "running now: nothing to do");
  }

  @Test
  void aProjectTakenDownOnPurposeStaysDownAcrossARestartUntilTheNextDeploy() throws Exception {
    DeploymentService first = service();
    assertTrue(first.reconcile().isEmpty(), "nothing deployed yet");
    await(first.up(up(""), LogSink.of(l -> {})));
    first.down();
    first.close();

    DeploymentService restarted = service();
    assertTrue(restarted.reconcile().isEmpty());
    assertTrue(engine.running.isEmpty());

    await(restarted.up(up(""), LogSink.of(l -> {})));
    engine.running.clear();
    restarted.close();
    DeploymentService again = service();
    assertEquals(201, await(again.reconcile().orElseThrow()).status(), "deployed again, so restored again");
  }

  @Test
  void aRestoreNeverReplacesAQueuedRequest() throws Exception {
    DeploymentService s = service();
    await(s.up(up(""), LogSink.of(l -> {})));
    builder.gate = new CountDownLatch(1);
    repo.next = "c2";
    CompletableFuture<Outcome> running = s.up(up(""), LogSink.of(l -> {}));
    for (int i = 0; i < 500 && !builder.calls.contains("build c2"); i++) {
      Thread.sleep(10);
    }
    assertEquals("building", s.releases().get(0).detail(), "a running release shows its phase");
    repo.next = "c3";
    CompletableFuture<Outcome> queued = s.up(up(""), LogSink.of(l -> {}));
    engine.running.clear();
    CompletableFuture<Outcome> restore = s.reconcile().orElseThrow();
    builder.gate.countDown();

    assertEquals(201, await(running).status());
    assertEquals(await(queued), await(restore));
    assertEquals("c3", s.status().commitHash());
    assertTrue(s.releases().stream().noneMatch(r -> r.trigger() == DeployRequest.Trigger.RESTORE));
  }

  @Test
  void rollbackRedeploysThePreviousGoodCommit() throws Exception {
    DeploymentService s = service();
    await(s.up(up(""), LogSink.of(l -> {})));
    repo.next = "c2";
    await(s.up(up(""), LogSink.of(l -> {})));
    repo.next = "c3";
    builder.failBuild = true;
    await(s.up(up(""), LogSink.of(l -> {})));
    builder.failBuild = false;

    Outcome o = await(s.rollback(Optional.empty(), LogSink.of(l -> {})));
    assertEquals(201, o.status(), o.toString());
    assertEquals("c1", repo.head.hash());
    assertEquals(DeployRequest.Trigger.ROLLBACK, s.releases().get(0).trigger());
    assertTrue(notifications.stream().anyMatch(n -> n.startsWith("GOOD Rolled back app to c1")), notifications.toString());
    assertThrows(ReleaseNotFoundException.class, () -> s.rollback(Optional.of(999L), LogSink.of(l -> {})));
  }

  @Test
  void webhooksNeedADeploymentAndTheDeployedBranch() throws Exception {
    DeploymentService s = service();
    assertThrows(NoActiveDeploymentException.class, () -> s.requestDeploy("main", "x"));
    await(s.up(up(""), LogSink.of(l -> {})));
    assertTrue(s.requestDeploy("feature", "x").isEmpty());
    repo.next = "c2";
    Outcome o = await(s.requestDeploy("main", "c2").orElseThrow());
    assertEquals(201, o.status());
    assertEquals(DeployRequest.Trigger.WEBHOOK, s.releases().get(0).trigger());
    assertFalse(s.releases().get(0).log().isEmpty());
  }

  @Test
  void downWithoutContainersIs412AndResetForgetsTheProject() throws Exception {
    DeploymentService s = service();
    assertThrows(NoActiveDeploymentException.class, s::down);
    await(s.up(up(""), LogSink.of(l -> {})));
    assertEquals(Optional.of(s.releases().get(0).id()), s.settings().currentReleaseId());
    s.down();
    assertTrue(engine.running.isEmpty());
    assertTrue(s.settings().currentReleaseId().isEmpty(), "after down no release is current");
    assertThrows(NoActiveDeploymentException.class, s::down);
    s.reset();
    assertFalse(repo.initialised());
    assertFalse(s.settings().configured());
    assertEquals("", s.status().commitHash());
  }
}
