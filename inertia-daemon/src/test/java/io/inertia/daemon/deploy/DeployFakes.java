package io.inertia.daemon.deploy;

import io.inertia.daemon.DaemonRuntime;
import io.inertia.daemon.DeploymentWiring;
import io.inertia.daemon.store.SqliteDeploymentStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Hand-written fakes of the deploy ports, shared by the service's unit tests and the HTTP handler tests: a git
 * repository that "fetches" commit {@code next}, a builder recording its calls (optionally gated or failing) and an
 * engine keeping the running containers in a list.
 */
public final class DeployFakes {
  private DeployFakes() {}


  /**
   * A real {@link DeploymentService} over these fakes, on the runtime's database and env store, with a no-op
   * notifier: the daemon's HTTP, webhook and queue code for real, without git or Docker.
   */
  public static DeploymentService service(
      DaemonRuntime runtime, FakeRepository repo, FakeBuilder builder, FakeEngine engine, String version) {
    return new DeploymentService(
        repo, Map.of(BuildType.DOCKER_COMPOSE, builder, BuildType.DOCKERFILE, builder), engine,
        new SqliteDeploymentStore(runtime.database()), DeploymentWiring.environmentSource(runtime.environment()),
        (u, t, c) -> {}, Clock.systemUTC(), version);
  }

  public static final class FakeRepository implements SourceRepository {
    public String origin;
    public SourceRepository.Commit head;
    public String next = "c1";
    public boolean denyAccess;

    @Override
    public boolean initialised() {
      return origin != null && head != null;
    }

    @Override
    public Optional<String> originUrl() {
      return Optional.ofNullable(origin);
    }

    @Override
    public Optional<Commit> head() {
      return Optional.ofNullable(head);
    }

    @Override
    public void initialise(String remoteUrl, LineSink log) {
      if (denyAccess) {
        throw new RepositoryAccessException("ssh-ed25519 AAAA deploy", "Cannot log in", null);
      }
      origin = remoteUrl;
    }

    @Override
    public Commit update(String branch, Optional<String> commit, LineSink log) {
      log.line("Fetching repository...");
      if (branch.equals("nope")) {
        throw new SourceException("branch 'nope' not found on the remote", null);
      }
      head = new Commit(commit.orElse(next), "message of " + commit.orElse(next), branch);
      return head;
    }

    @Override
    public void removeAll() {
      origin = null;
      head = null;
    }
  }

  public static final class FakeBuilder implements ProjectBuilder {
    private final FakeEngine engine;

    public FakeBuilder(FakeEngine engine) {
      this.engine = engine;
    }

    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final List<String> files = new CopyOnWriteArrayList<>();
    public final CountDownLatch entered = new CountDownLatch(1);
    public volatile CountDownLatch gate;
    public volatile boolean failBuild;
    /** Thrown (once) by the next build, e.g. an {@link OutOfMemoryError}. */
    public volatile Throwable crashWith;

    @Override
    public Built build(BuildSpec spec, LineSink log) {
      calls.add("build " + spec.commit());
      files.add(spec.buildFile());
      entered.countDown();
      if (gate != null) {
        try {
          gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (failBuild) {
        throw new BuildFailedException("broken Dockerfile", null);
      }
      Throwable crash = crashWith;
      if (crash != null) {
        crashWith = null;
        if (crash instanceof Error e) {
          throw e;
        }
        throw (RuntimeException) crash;
      }
      return new Built(spec);
    }

    @Override
    public void activate(Built built, LineSink log) {
      calls.add("activate " + built.spec().commit());
      engine.running.add("/" + built.spec().project() + "-web-1");
    }
  }

  public static final class FakeEngine implements ContainerEngine {
    public final List<String> running = Collections.synchronizedList(new ArrayList<>());

    @Override
    public List<String> projectContainers(String project) {
      return running.stream().distinct().sorted().toList();
    }

    @Override
    public void stopProject(String project, LineSink log) {
      running.clear();
    }

    @Override
    public void prune(String project, LineSink log) {}

    /** Containers whose logs were read. */
    public final List<String> logsRead = new CopyOnWriteArrayList<>();

    @Override
    public boolean isProjectContainer(String container) {
      return running.contains(container);
    }

    @Override
    public List<String> logs(String container, int entries) {
      logsRead.add(container);
      return List.of();
    }

    @Override
    public LogFollow followLogs(String container, int entries, LineSink sink) {
      return new LogFollow() {
        @Override
        public void close() {}

        @Override
        public boolean awaitEnd(Duration timeout) {
          return true;
        }
      };
    }
  }
}
