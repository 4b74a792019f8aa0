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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code docker-compose} builder. Compose runs in short-lived sibling containers of the runner image ({@code
 * INERTIA_COMPOSE_IMAGE}: Compose v2 {@code docker:26-cli} by default, or a v1 {@code docker/compose:1.x} image,
 * told apart by the image's entrypoint) with the host's Docker socket and the whole project directory mounted at its
 * host path, working in the compose file's directory: compose files in subfolders, relative build contexts and bind
 * mounts all resolve as on the host.
 *
 * <p>{@link #build} runs {@code compose build} while the old release keeps running; {@link #activate} runs {@code
 * compose up -d --remove-orphans}. A generated override file (outside the work tree, in the data dir) adds {@code
 * io.inertia.project}/{@code io.inertia.release} labels to every service and the default network. The project's
 * environment variables are the runner's environment, so {@code ${VAR}} interpolation works; {@code
 * INERTIA_PERSIST_DIR} holds the host persist directory ({@code volumes: ["${INERTIA_PERSIST_DIR}:/persist"]}),
 * {@code INERTIA_COMMIT} and {@code INERTIA_RELEASE} the commit and release being deployed.
 */
public final class ComposeBuilder implements ProjectBuilder {
  private static final String SOCKET = "/var/run/docker.sock";

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
    try {
      Path file = composeFile(spec);
      if (!Files.isRegularFile(file)) {
        throw new BuildFailedException("compose file " + spec.buildFile() + " not found in the repository", null);
      }
      writeOverride(spec, file, log);
      log.line("Building project " + spec.project() + "...");
      int code = compose(spec, List.of("build"), log);
      if (code != 0) {
        throw new BuildFailedException("compose build exited with non-zero status " + code, null);
      }
      return new Built(spec);
    } catch (BuildFailedException e) {
      throw e;
    } catch (RuntimeException | IOException e) {
      throw new BuildFailedException(String.valueOf(e.getMessage()), e);
    }
  }

  @Override
  public void activate(Built built, LineSink log) {
    BuildSpec spec = built.spec();
    log.line("Starting up " + spec.project() + "...");
    int code;
    try {
      code = compose(spec, List.of("up", "-d", "--remove-orphans"), log);
    } catch (RuntimeException e) {
      throw new DeployFailedException(String.valueOf(e.getMessage()), e);
    }
    if (code != 0) {
      throw new DeployFailedException("compose up exited with non-zero status " + code, null);
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

  private int compose(BuildSpec spec, List<String> command, LineSink log) {
    return runCompose(spec, command, true, log);
  }

  /**
   * {@code docker run --rm -v /var/run/docker.sock:/var/run/docker.sock -v <project>:<project> -v <override dir>:…
   * -w <compose file dir> -e … <runner> [docker] compose -p <name> -f <file> [-f <override>] <command>}.
   */
  private int runCompose(BuildSpec spec, List<String> command, boolean withOverride, LineSink log) {
    String image = settings.composeImage();
    InspectImageResponse inspect = runs.ensureImage(image, log);
    boolean v1 = isComposeV1(image, inspect);
    HostPaths paths = settings.hostPaths();
    Path hostProject = paths.toHost(settings.projectDir());
    Path hostFile = paths.toHost(composeFile(spec));
    Path hostOverride = paths.toHost(overrideFile(spec));

    List<String> args = new ArrayList<>();
    if (!v1) {
      List<String> entrypoint = inspect.getConfig() == null || inspect.getConfig().getEntrypoint() == null
          ? List.of() : Arrays.asList(inspect.getConfig().getEntrypoint());
      if (entrypoint.isEmpty()) {
        args.add("docker");
      }
      args.add("compose");
    }
    args.addAll(List.of("-p", composeProject(spec.project()), "-f", hostFile.toString()));
    if (withOverride) {
      args.addAll(List.of("-f", hostOverride.toString()));
    }
    args.addAll(command);

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
    if (withOverride) {
      String dir = hostOverride.getParent().toString();
      binds.add(new Bind(dir, new Volume(dir)));
    }
    return runs.run(
        image, args, env, Labels.of(spec.project(), spec.releaseId(), Labels.ROLE_RUNNER), binds,
        hostFile.getParent().toString(), settings.buildTimeout(), log);
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
