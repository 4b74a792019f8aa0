package io.inertia.daemon.deploy;

import io.inertia.common.git.GitUrls;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployment of the daemon's one project: {@code up}, webhooks, rollback, down, reset, prune, status and logs.
 *
 * <p>Deploys run on one {@link DeployQueue} per service (one project per daemon), so they never overlap. {@link
 * #down()}, {@link #reset()} and {@link #prune()} take the same lock as a deploy, so they wait for a running deploy
 * to end.
 *
 * <p>Thread-safe. Methods returning a {@link CompletableFuture} return at once; all others block.
 */
public final class DeploymentService implements AutoCloseable {
  /** Each release keeps the last 256 KiB of its deploy output. */
  public static final int LOG_CAP_BYTES = 256 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentService.class);

  private final SourceRepository repository;
  private final Map<BuildType, ProjectBuilder> builders;
  private final ContainerEngine engine;
  private final DeploymentStore store;
  private final EnvironmentSource environment;
  private final Notifier notifier;
  private final Clock clock;
  private final String version;

  private final ReentrantLock operationLock = new ReentrantLock();
  private final DeployQueue queue;
  private volatile DeploySettings settings;

  /** Loads the persisted settings; a release left RUNNING by a previous daemon process is marked failed. */
  public DeploymentService(
      SourceRepository repository,
      Map<BuildType, ProjectBuilder> builders,
      ContainerEngine engine,
      DeploymentStore store,
      EnvironmentSource environment,
      Notifier notifier,
      Clock clock,
      String version) {
    this.repository = repository;
    this.builders = Map.copyOf(builders);
    this.engine = engine;
    this.store = store;
    this.environment = environment;
    this.notifier = notifier;
    this.clock = clock;
    this.version = version;
    this.settings = store.loadSettings();
    int interrupted = store.failRunningReleases("interrupted by a daemon restart", clock.instant());
    if (interrupted > 0) {
      LOG.warn("{} deploy(s) interrupted by a daemon restart were marked failed", interrupted);
    }
    this.queue = new DeployQueue(this::deploy);
  }

  /** The persisted settings (project, remote, branch, build type and file, notifiers, current release). */
  public DeploySettings settings() {
    return settings;
  }

  /**
   * Queues a deploy ({@code POST /up}). Lines go live to {@code sink}, which then gets the outcome; the future
   * completes with the same outcome (it never completes exceptionally). Failures are outcomes with status 412
   * (repository access, remote mismatch) or 500 (build, deploy).
   */
  public CompletableFuture<Outcome> up(DeployRequest request, LogSink sink) {
    return queue.enqueue(request, sink);
  }

  /**
   * A push arrived for {@code branch} ({@code POST /webhook}). Queues a deploy of the branch head when it is the
   * deployed branch (bursts coalesce); returns empty when the push is for another branch.
   *
   * @param commit the pushed commit, for the daemon log only (the newest branch head is deployed)
   * @throws NoActiveDeploymentException when nothing has been deployed yet
   */
  public Optional<CompletableFuture<Outcome>> requestDeploy(String branch, String commit) {
    DeploySettings s = settings;
    if (!s.configured() || !repository.initialised()) {
      throw new NoActiveDeploymentException();
    }
    if (!s.branch().equals(branch)) {
      LOG.info("push to {} ignored: the deployed branch is {}", branch, s.branch());
      return Optional.empty();
    }
    LOG.info("push to {} ({}): deploy queued", branch, commit);
    DeployRequest request =
        new DeployRequest(
            s.project(), s.remoteUrl(), s.branch(), s.buildType().wireName(), s.buildFile(),
            s.intermediaryContainers(), "", DeployRequest.Trigger.WEBHOOK, Optional.empty(), Optional.empty());
    // Build output at debug: the daemon log keeps one line per webhook decision and one per deploy outcome.
    return Optional.of(queue.enqueue(request, LogSink.of(line -> LOG.debug("[webhook deploy] {}", line))));
  }

  /**
   * Redeploys an earlier release's commit with its build settings (and the current environment values). Default
   * target: the newest succeeded release older than the current one.
   *
   * @throws ReleaseNotFoundException 404 for an unknown or failed release, 412 when there is nothing to roll back to
   */
  public CompletableFuture<Outcome> rollback(Optional<Long> releaseId, LogSink sink) {
    DeploySettings s = settings;
    if (!s.configured()) {
      throw new NoActiveDeploymentException();
    }
    Release target =
        releaseId
            .map(id -> RollbackTargets.succeeded(store, id))
            .orElseGet(() -> RollbackTargets.previous(store, s));
    return queue.enqueue(redeploy(s, target, DeployRequest.Trigger.ROLLBACK), sink);
  }

  /**
   * At daemon start, before requests are served: when the current release should run but none of the project's
   * containers does (e.g. the daemon was killed while switching releases), queues its redeploy (trigger {@code
   * restore}: the same commit and build settings, reusing its build where the builder can). A project taken down
   * on purpose stays down. Returns the queued deploy, if any.
   */
  public Optional<CompletableFuture<Outcome>> reconcile() {
    DeploySettings s = settings;
    return new Reconciler(engine, store)
        .releaseToRestore(s)
        .map(
            r ->
                queue.enqueue(
                    redeploy(s, r, DeployRequest.Trigger.RESTORE),
                    LogSink.of(line -> LOG.info("[restore release {}] {}", r.id(), line))));
  }

  private static DeployRequest redeploy(DeploySettings s, Release target, DeployRequest.Trigger trigger) {
    return new DeployRequest(
        s.project(), "", target.branch(), target.buildType().wireName(), target.buildFile(),
        s.intermediaryContainers(), "", trigger, Optional.of(target.commit()), Optional.of(target.id()));
  }

  /** True while a deploy runs (or one is queued). */
  public boolean buildActive() {
    return queue.active();
  }

  /** {@code GET /status}. Blocks on the engine for the container list. */
  public DeploymentStatus status() {
    DeploySettings s = settings;
    Optional<SourceRepository.Commit> head = repository.initialised() ? repository.head() : Optional.empty();
    if (head.isEmpty()) {
      return new DeploymentStatus("", "", "", "", List.of(), buildActive(), version);
    }
    List<String> containers = s.project().isBlank() ? List.of() : engine.projectContainers(s.project());
    // The serving release's commit: after a failed build the work tree is ahead of what runs.
    SourceRepository.Commit c =
        s.currentReleaseId()
            .flatMap(store::release)
            .filter(r -> !r.commit().isBlank())
            .map(r -> new SourceRepository.Commit(r.commit(), r.commitMessage(), r.branch()))
            .orElse(head.get());
    return new DeploymentStatus(
        c.branch(), c.hash(), c.message().trim(), s.buildType().wireName(), containers, buildActive(), version);
  }

  /**
   * {@code POST /down}: stops and removes the project's containers (waits for a running deploy to end first); no
   * release is current afterwards, so a later default rollback returns to the newest succeeded release.
   *
   * @throws NoActiveDeploymentException when no project container runs
   */
  public void down() {
    operationLock.lock();
    try {
      DeploySettings s = settings;
      if (s.project().isBlank() || engine.projectContainers(s.project()).isEmpty()) {
        throw new NoActiveDeploymentException();
      }
      engine.stopProject(s.project(), line -> LOG.info("[down] {}", line));
      store.recordTakenDown(true);
      // Nothing serves now: no release is current (status and releases show the project as down).
      settings = s.withCurrentRelease(Optional.empty());
      store.saveSettings(settings);
    } finally {
      operationLock.unlock();
    }
  }

  /**
   * {@code POST /reset}: stops the project, deletes the project directory's contents ({@code .git} included) and
   * forgets the settings. {@code /persist} and the release history stay; environment variables are the env
   * store's to clear.
   */
  public void reset() {
    operationLock.lock();
    try {
      DeploySettings s = settings;
      if (!s.project().isBlank()) {
        engine.stopProject(s.project(), line -> LOG.info("[reset] {}", line));
      }
      repository.removeAll();
      settings = DeploySettings.empty();
      store.saveSettings(settings);
    } finally {
      operationLock.unlock();
    }
  }

  /** {@code POST /prune}: removes the project's unused Docker objects (never anything unlabelled). */
  public void prune() {
    operationLock.lock();
    try {
      DeploySettings s = settings;
      if (!s.project().isBlank()) {
        engine.prune(s.project(), line -> LOG.info("[prune] {}", line));
      }
    } finally {
      operationLock.unlock();
    }
  }

  /**
   * {@code GET /logs}: the last {@code entries} lines (500 when {@code entries <= 0}, as the original), of the daemon's
   * or a project's container only ({@link LogAccess}).
   */
  public List<String> logs(String container, int entries) {
    LogAccess.require(engine, container);
    return engine.logs(container, entries <= 0 ? 500 : entries);
  }

  /** {@code GET /logs?stream=true}: follows a log; close the handle when the client goes away. */
  public ContainerEngine.LogFollow followLogs(String container, int entries, LineSink sink) {
    LogAccess.require(engine, container);
    return engine.followLogs(container, entries <= 0 ? 500 : entries, sink);
  }

  /** All releases, newest first. */
  public List<Release> releases() {
    return store.releases();
  }

  /** Stops the worker; a queued deploy is abandoned (the next start marks a running one failed). */
  @Override
  public void close() {
    queue.close();
  }

  // ---- one deploy ----

  private Outcome deploy(DeployRequest request, LogSink sink) {
    ReleaseLog log = new ReleaseLog(sink);
    Optional<Long> releaseId = Optional.empty();
    DeploySettings s = settings;
    operationLock.lock();
    try {
      boolean fresh = !repository.initialised();
      if (fresh) {
        log.line("No deployment detected");
        log.line("Setting up project...");
        String remote = request.remoteUrl().isBlank() ? s.remoteUrl() : request.remoteUrl();
        if (remote.isBlank()) {
          throw new SourceException("no git remote given", null).asSetupFailure();
        }
        log.line("Setting up repository from " + remote + "...");
        try {
          repository.initialise(remote, log);
        } catch (SourceException e) {
          throw e.asSetupFailure();
        }
      } else {
        String origin = repository.originUrl().orElse("");
        if (!GitUrls.sameRepository(origin, request.remoteUrl())) {
          throw new RemoteMismatchException(origin, request.remoteUrl());
        }
      }
      s = DeploySettingsMerge.merge(s, request, repository.originUrl().orElse(request.remoteUrl()));
      if (s.project().isBlank() || s.branch().isBlank()) {
        throw new SourceException("project name and branch are required", null).asSetupFailure();
      }
      settings = s;
      store.saveSettings(s);

      Map<String, String> env = new TreeMap<>(environment.variables());
      releaseId =
          Optional.of(
              store.createRelease(
                  new Release(
                      0, s.project(), s.branch(), request.commit().orElse(""), "", s.buildType(),
                      s.effectiveBuildFile(), List.copyOf(env.keySet()), DeploySettingsMerge.envHash(env),
                      request.trigger(),
                      Release.State.RUNNING, "", clock.instant(), Optional.empty(), "")));
      long id = releaseId.get();

      log.line("Preparing to deploy project");
      store.recordPhase(id, "updating the repository");
      SourceRepository.Commit commit;
      try {
        commit = repository.update(s.branch(), request.commit(), log);
      } catch (SourceException e) {
        // The original answers 412 for any failure while setting up a new project (docs/original.md#the-up-flow, step 3).
        throw fresh ? e.asSetupFailure() : e;
      }
      log.line("Checked out " + commit.hash() + " (" + firstLine(commit.message()) + ")");
      notifyAll(s, "Build started: " + s.project() + " at " + shortHash(commit.hash()), Notifier.Colour.WARNING, log);

      ProjectBuilder builder = builders.get(s.buildType());
      if (builder == null) {
        throw new BuildFailedException("no builder for " + s.buildType().wireName(), null);
      }
      log.line("Building " + s.buildType().wireName() + " project " + s.project() + "...");
      store.recordPhase(id, "building");
      ProjectBuilder.Built built;
      try {
        built =
            builder.build(
                new ProjectBuilder.BuildSpec(
                    s.project(), id, commit.hash(), s.effectiveBuildFile(), env, request.rollbackOf()),
                log);
      } catch (DeploymentException e) {
        notifyAll(s, "Build error: " + e.detail(), Notifier.Colour.DANGER, log);
        throw e;
      }
      log.line(s.project() + " build successful");
      notifyAll(s, "Build completed", Notifier.Colour.GOOD, log);
      store.recordPhase(id, "switching releases (the previous release may be stopped)");
      try {
        builder.activate(built, log);
      } catch (DeploymentException e) {
        notifyAll(s, "Deploy error: " + e.detail(), Notifier.Colour.DANGER, log);
        throw e;
      }
      store.finishRelease(
          id, commit.hash(), commit.message(), Release.State.SUCCEEDED, "", log.text(), clock.instant());
      s = s.withCurrentRelease(Optional.of(id));
      settings = s;
      store.saveSettings(s);
      store.recordTakenDown(false);
      if (request.trigger() == DeployRequest.Trigger.ROLLBACK) {
        notifyAll(
            s, "Rolled back " + s.project() + " to " + shortHash(commit.hash()) + " (release " + id + ")",
            Notifier.Colour.GOOD, log);
      }
      return Outcome.ok(id);
    } catch (DeploymentException e) {
      log.line("[error] " + e.getMessage() + (e.detail().isEmpty() ? "" : ": " + e.detail()));
      if (releaseId.isPresent()) {
        Optional<SourceRepository.Commit> head = safeHead();
        store.finishRelease(
            releaseId.get(), head.map(SourceRepository.Commit::hash).orElse(""),
            head.map(SourceRepository.Commit::message).orElse(""), Release.State.FAILED, e.detail(), log.text(),
            clock.instant());
      }
      return Outcome.failed(e, releaseId);
    } catch (RuntimeException | Error e) {
      // Errors too (e.g. OutOfMemoryError): the release is recorded as failed and the queue goes on.
      DeployFailedException wrapped =
          new DeployFailedException(
              e instanceof Error ? DeployQueue.describe(e).substring(2) : String.valueOf(e.getMessage()), e);
      LOG.error("deploy failed", e);
      log.line("[error] " + wrapped.getMessage() + ": " + wrapped.detail());
      releaseId.ifPresent(
          rid ->
              store.finishRelease(
                  rid, "", "", Release.State.FAILED, wrapped.detail(), log.text(), clock.instant()));
      return Outcome.failed(wrapped, releaseId);
    } finally {
      operationLock.unlock();
    }
  }

  private Optional<SourceRepository.Commit> safeHead() {
    try {
      return repository.head();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private void notifyAll(DeploySettings s, String text, Notifier.Colour colour, LineSink log) {
    for (String url : s.slackUrls()) {
      try {
        notifier.send(url, text, colour);
      } catch (RuntimeException e) {
        log.line("warning: notification failed: " + e.getMessage());
      }
    }
  }

  private static String shortHash(String hash) {
    return hash.length() > 7 ? hash.substring(0, 7) : hash;
  }

  private static String firstLine(String message) {
    String m = message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
