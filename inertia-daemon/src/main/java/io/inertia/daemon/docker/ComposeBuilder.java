package io.inertia.daemon.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import io.inertia.daemon.deploy.BuildFailedException;
import io.inertia.daemon.deploy.DeployFailedException;
import io.inertia.daemon.deploy.LineSink;
import io.inertia.daemon.deploy.ProjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code docker-compose} builder. Compose runs in short-lived sibling containers of the runner image ({@code
 * INERTIA_COMPOSE_IMAGE}: Compose v2 {@code docker:26-cli} by default, or a v1 {@code docker/compose:1.x} image,
 * told apart by the image's entrypoint) with the host's Docker socket and the whole project directory mounted at its
 * host path, working in the compose file's directory: compose files in subfolders, relative build contexts and bind
 * mounts all resolve as on the host.
 *
 * <p>One runner container per deploy (a container start costs ~0.5–2 s here, docs/performance.md, P4): {@link #build}
 * starts it with {@code /bin/sh} as entrypoint; it runs {@code compose build} while the old release keeps running,
 * reports success and waits; {@link #activate} gives the go-ahead (a file in the mounted control directory) and it
 * runs {@code compose up -d --remove-orphans}. The runner image therefore needs {@code /bin/sh}. A generated override file (outside the work tree, in the data dir) adds {@code
 * io.inertia.project}/{@code io.inertia.release} labels to every service and the default network. The project's
 * environment variables are the runner's environment, so {@code ${VAR}} interpolation works; {@code
 * INERTIA_PERSIST_DIR} holds the host persist directory ({@code volumes: ["${INERTIA_PERSIST_DIR}:/persist"]}),
 * {@code INERTIA_COMMIT} and {@code INERTIA_RELEASE} the commit and release being deployed.
 */
public final class ComposeBuilder implements ProjectBuilder {
  private static final String SOCKET = "/var/run/docker.sock";
  private static final String GO = "go";
  private static final String ABORT = "abort";
  private static final String BUILT_MARKER = "@@inertia: build complete@@";
  private static final int EXIT_BUILD = 90;

  /**
   * One runner per deploy: build, announce success, wait for the daemon's go-ahead (a file in the mounted control
   * directory), then switch. Exit 90: build failed; 91: up failed; 92: no go-ahead within 30 min; 93: aborted.
   */
  private static final String RUNNER_SCRIPT =
      "\"$@\" build || exit 90\n"
          + "echo '" + BUILT_MARKER + "'\n"
          + "i=0\n"
          + "while [ ! -e \"$INERTIA_CONTROL_DIR/go\" ]; do\n"
          + "  [ -e \"$INERTIA_CONTROL_DIR/abort\" ] && exit 93\n"
          + "  i=$((i+1)); [ \"$i\" -gt 18000 ] && exit 92\n"
          + "  sleep 0.1\n"
          + "done\n"
          + "\"$@\" up -d --remove-orphans || exit 91\n";

  private final java.util.Map<String, Runner> waiting = new java.util.concurrent.ConcurrentHashMap<>();

  private final DockerClient docker;
  private final DockerSettings settings;
  private final ContainerRuns runs;

  public ComposeBuilder(DockerClient docker, DockerSettings settings) {
    this.docker = docker;
    this.settings = settings;
    this.runs = new ContainerRuns(docker);
  }

  @Override
  public Built build(BuildSpec spec, LineSink log) {
    abortWaitingRunner(spec.project());
    Runner runner = new Runner(spec, log);
    try {
      Path file = composeFile(spec);
      if (!Files.isRegularFile(file)) {
        throw new BuildFailedException("compose file " + spec.buildFile() + " not found in the repository", null);
      }
      writeOverride(spec, file, log);
      log.line("Building project " + spec.project() + "...");
      Path control = overrideFile(spec).getParent();
      Files.deleteIfExists(control.resolve(GO));
      Files.deleteIfExists(control.resolve(ABORT));
      Invocation inv = invocation(spec, true, log);
      List<String> env = new ArrayList<>(inv.env());
      env.add("INERTIA_CONTROL_DIR=" + settings.hostPaths().toHost(control));
      List<String> args = new ArrayList<>(List.of(RUNNER_SCRIPT, "inertia-compose"));
      args.addAll(inv.composeCommand());
      // docker run --rm --entrypoint /bin/sh … <runner> -c '<compose> build && wait for go && <compose> up -d …'
      runner.started =
          runs.start(
              settings.composeImage(), List.of("/bin/sh", "-c"), args, env,
              Labels.of(spec.project(), spec.releaseId(), Labels.ROLE_RUNNER), inv.binds(), inv.workingDir(),
              runner::line);
      CompletableFuture<Object> first = CompletableFuture.anyOf(runner.built, runner.started.exit());
      first.get(settings.buildTimeout().toSeconds(), TimeUnit.SECONDS);
      if (!runner.built.isDone()) {
        int code = runner.started.exit().get();
        throw new BuildFailedException(
            code == EXIT_BUILD ? "compose build failed" : "compose runner exited with status " + code, null);
      }
      waiting.put(spec.project(), runner);
      return new Built(spec);
    } catch (BuildFailedException e) {
      throw e;
    } catch (ExecutionException e) {
      throw new BuildFailedException(String.valueOf(e.getCause().getMessage()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (runner.started != null) {
        runs.remove(runner.started.id());
      }
      throw new BuildFailedException("interrupted", e);
    } catch (TimeoutException e) {
      // docker rm -f <runner>
      runs.remove(runner.started.id());
      throw new BuildFailedException("compose build did not finish within " + settings.buildTimeout(), e);
    } catch (RuntimeException | IOException e) {
      throw new BuildFailedException(String.valueOf(e.getMessage()), e);
    }
  }

  @Override
  public void activate(Built built, LineSink log) {
    BuildSpec spec = built.spec();
    Runner runner = waiting.remove(spec.project());
    if (runner == null || runner.spec.releaseId() != spec.releaseId()) {
      throw new DeployFailedException("no built release " + spec.releaseId() + " waiting to start", null);
    }
    log.line("Starting up " + spec.project() + "...");
    runner.sink = log;
    int code;
    try {
      new OriginalContainers(docker).replace(spec.project(), composeProject(spec.project()), log);
      Files.writeString(overrideFile(spec).getParent().resolve(GO), Long.toString(spec.releaseId()));
      code = runner.started.exit().get(settings.buildTimeout().toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new DeployFailedException(String.valueOf(e.getCause().getMessage()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeployFailedException("interrupted", e);
    } catch (IOException | TimeoutException e) {
      runs.remove(runner.started.id());
      throw new DeployFailedException(String.valueOf(e.getMessage()), e);
    }
    if (code != 0) {
      throw new DeployFailedException("compose up exited with non-zero status " + code, null);
    }
  }

  /** A build whose runner waits for the go-ahead to run {@code up} (one container for build and switch). */
  private static final class Runner implements LineSink {
    final BuildSpec spec;
    final CompletableFuture<Boolean> built = new CompletableFuture<>();
    volatile LineSink sink;
    volatile ContainerRuns.Started started;

    Runner(BuildSpec spec, LineSink sink) {
      this.spec = spec;
      this.sink = sink;
    }

    @Override
    public void line(String line) {
      if (line.equals(BUILT_MARKER)) {
        built.complete(true);
      } else {
        sink.line(line);
      }
    }
  }

  /** A runner left waiting by a build that was never activated is told to stop. */
  private void abortWaitingRunner(String project) {
    Runner stale = waiting.remove(project);
    if (stale != null) {
      try {
        Files.writeString(overrideFile(stale.spec).getParent().resolve(ABORT), "abort");
      } catch (IOException e) {
        runs.remove(stale.started.id());
      }
    }
  }

  /** The compose project name: the project name, lower-cased as Compose requires. */
  static String composeProject(String project) {
    return project.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
  }

  private Path composeFile(BuildSpec spec) {
    return settings.projectDir().toAbsolutePath().resolve(spec.buildFile()).normalize();
  }

  private Path overrideFile(BuildSpec spec) {
    return settings.dataDir().toAbsolutePath().resolve("compose").resolve(composeProject(spec.project()))
        .resolve("docker-compose.inertia.yml");
  }

  private void writeOverride(BuildSpec spec, Path file, LineSink log) throws IOException {
    String yaml = Files.readString(file, StandardCharsets.UTF_8);
    List<String> services = ComposeFiles.serviceNames(yaml);
    if (services.isEmpty()) {
      services = servicesFromCompose(spec, log);
    }
    Map<String, String> labels =
        Map.of(Labels.PROJECT, spec.project(), Labels.RELEASE, Long.toString(spec.releaseId()), Labels.ROLE, Labels.ROLE_APP);
    Path override = overrideFile(spec);
    Files.createDirectories(override.getParent());
    Files.writeString(
        override, ComposeFiles.override(services, labels, !ComposeFiles.declaresNetworks(yaml)), StandardCharsets.UTF_8);
  }

  private List<String> servicesFromCompose(BuildSpec spec, LineSink log) {
    List<String> out = new ArrayList<>();
    int code = runCompose(spec, List.of("config", "--services"), false, out::add);
    if (code != 0) {
      out.forEach(log::line);
      throw new BuildFailedException("compose config exited with non-zero status " + code, null);
    }
    return out.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** How to run compose for a spec: command words (binary included), environment, mounts, working dir. */
  private record Invocation(List<String> composeCommand, List<String> env, List<Bind> binds, String workingDir) {}

  private Invocation invocation(BuildSpec spec, boolean withOverride, LineSink log) {
    String image = settings.composeImage();
    InspectImageResponse inspect = runs.ensureImage(image, log);
    boolean v1 = isComposeV1(image, inspect);
    HostPaths paths = settings.hostPaths();
    Path hostProject = paths.toHost(settings.projectDir());
    Path hostFile = paths.toHost(composeFile(spec));
    Path hostOverride = paths.toHost(overrideFile(spec));

    List<String> command = new ArrayList<>(v1 ? List.of("docker-compose") : List.of("docker", "compose"));
    command.addAll(List.of("-p", composeProject(spec.project()), "-f", hostFile.toString()));
    if (withOverride) {
      command.addAll(List.of("-f", hostOverride.toString()));
    }
    List<String> env = new ArrayList<>();
    spec.env().forEach((k, v) -> env.add(k + "=" + v));
    env.add("INERTIA_PERSIST_DIR=" + paths.toHost(settings.persistDir()));
    // The commit and release being deployed, for build args or labels (`args: {COMMIT: ${INERTIA_COMMIT}}`).
    env.add("INERTIA_COMMIT=" + spec.commit());
    env.add("INERTIA_RELEASE=" + spec.releaseId());
    if (v1) {
      // Compose 1.x images carry no docker CLI to delegate builds to.
      env.add("COMPOSE_DOCKER_CLI_BUILD=0");
    }
    List<Bind> binds = new ArrayList<>();
    binds.add(new Bind(SOCKET, new Volume(SOCKET)));
    binds.add(new Bind(hostProject.toString(), new Volume(hostProject.toString())));
    String dir = hostOverride.getParent().toString();
    binds.add(new Bind(dir, new Volume(dir)));
    return new Invocation(command, env, binds, hostFile.getParent().toString());
  }

  /**
   * {@code docker run --rm --entrypoint /bin/sh -v /var/run/docker.sock:/var/run/docker.sock -v <project>:<project>
   * -w <compose file dir> -e … <runner> -c '"$@" <command>' - [docker] compose -p <name> -f <file>}.
   */
  private int runCompose(BuildSpec spec, List<String> command, boolean withOverride, LineSink log) {
    Invocation inv = invocation(spec, withOverride, log);
    List<String> args = new ArrayList<>(List.of("\"$@\" " + String.join(" ", command), "inertia-compose"));
    args.addAll(inv.composeCommand());
    ContainerRuns.Started started =
        runs.start(
            settings.composeImage(), List.of("/bin/sh", "-c"), args, inv.env(),
            Labels.of(spec.project(), spec.releaseId(), Labels.ROLE_RUNNER), inv.binds(), inv.workingDir(), log);
    try {
      return started.exit().get(settings.buildTimeout().toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      runs.remove(started.id());
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      runs.remove(started.id());
      throw new IllegalStateException("compose " + String.join(" ", command) + " failed: " + e.getMessage(), e);
    }
  }

  /** A v1 image runs {@code docker-compose} as its entrypoint (or is named {@code docker/compose:1.x}). */
  static boolean isComposeV1(String image, InspectImageResponse inspect) {
    String[] entrypoint = inspect.getConfig() == null ? null : inspect.getConfig().getEntrypoint();
    if (entrypoint != null && String.join(" ", entrypoint).contains("docker-compose")) {
      return true;
    }
    return image.startsWith("docker/compose:1");
  }
}
