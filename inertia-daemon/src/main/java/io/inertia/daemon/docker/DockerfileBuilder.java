package io.inertia.daemon.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import io.inertia.daemon.deploy.BuildFailedException;
import io.inertia.daemon.deploy.DeployFailedException;
import io.inertia.daemon.deploy.LineSink;
import io.inertia.daemon.deploy.ProjectBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The {@code dockerfile} builder (docs/original.md#builders, with the fixes in docs/deviations.md): builds {@code inertia-build/<name>} (also
 * tagged {@code :<release id>}) from the project directory without {@code .git}, while the old container keeps
 * running; {@link #activate} then replaces container {@code <name>}: env vars, {@code /persist}, labels, restart
 * policy {@code unless-stopped}, every {@code EXPOSE}d port published on the same host port.
 */
public final class DockerfileBuilder implements ProjectBuilder {
  private final DockerClient docker;
  private final DockerSettings settings;

  public DockerfileBuilder(DockerClient docker, DockerSettings settings) {
    this.docker = docker;
    this.settings = settings;
  }

  /** {@code inertia-build/<name>} (lower-cased, as image names must be). */
  public static String imageRepository(String project) {
    return "inertia-build/" + project.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
  }

  @Override
  public Built build(BuildSpec spec, LineSink log) {
    String repository = imageRepository(spec.project());
    String releaseTag = repository + ":" + spec.releaseId();
    if (spec.reuseRelease().isPresent() && reuse(spec, repository, releaseTag, log)) {
      return new Built(spec);
    }
    log.line("Building project " + spec.project() + "...");
    BuildContexts.Packing context;
    try {
      context = BuildContexts.stream(settings.projectDir(), spec.buildFile());
    } catch (IOException | IllegalArgumentException e) {
      throw new BuildFailedException("cannot read .dockerignore: " + e.getMessage(), e);
    }
    List<String> errors = new ArrayList<>();
    try (context) {
      // docker build -f <file> -t inertia-build/<name>:latest -t inertia-build/<name>:<release> --label … --rm -
      // The context is streamed as it is packed (never held whole in memory).
      BuildImageResultCallback callback =
          docker
              .buildImageCmd(context.input())
              .withDockerfilePath(spec.buildFile())
              .withTags(Set.of(repository + ":latest", releaseTag))
              .withLabels(
                  Map.of(
                      Labels.PROJECT, spec.project(),
                      Labels.RELEASE, Long.toString(spec.releaseId()),
                      "io.inertia.commit", spec.commit()))
              .withRemove(true)
              .withForcerm(true)
              .withPull(false)
              .exec(
                  new BuildImageResultCallback() {
                    @Override
                    public void onNext(BuildResponseItem item) {
                      if (item.getStream() != null) {
                        item.getStream().lines().forEach(log::line);
                      }
                      if (item.isErrorIndicated()) {
                        String e = item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError();
                        errors.add(e);
                        log.line(e);
                      }
                      super.onNext(item);
                    }
                  });
      callback.awaitImageId(settings.buildTimeout().toSeconds(), TimeUnit.SECONDS);
      // docker image inspect inertia-build/<name>:<release>
      docker.inspectImageCmd(releaseTag).exec();
      return new Built(spec);
    } catch (RuntimeException e) {
      if (context.failure().isPresent()) {
        throw new BuildFailedException(
            "cannot pack the build context: " + context.failure().get().getMessage(), context.failure().get());
      }
      String detail = errors.isEmpty() ? String.valueOf(e.getMessage()) : String.join("; ", errors);
      throw new BuildFailedException("image build failed: " + detail, e);
    }
  }

  /** Rollback: re-tags the earlier release's image instead of rebuilding it, when it still exists. */
  private boolean reuse(BuildSpec spec, String repository, String releaseTag, LineSink log) {
    String earlier = repository + ":" + spec.reuseRelease().get();
    try {
      // docker image inspect inertia-build/<name>:<earlier release>
      docker.inspectImageCmd(earlier).exec();
    } catch (NotFoundException gone) {
      log.line("Image " + earlier + " no longer exists; rebuilding");
      return false;
    }
    log.line("Reusing image " + earlier);
    // docker tag <earlier> inertia-build/<name>:<release>; docker tag <earlier> inertia-build/<name>:latest
    docker.tagImageCmd(earlier, repository, Long.toString(spec.releaseId())).exec();
    docker.tagImageCmd(earlier, repository, "latest").withForce(true).exec();
    return true;
  }

  @Override
  public void activate(Built built, LineSink log) {
    BuildSpec spec = built.spec();
    String name = spec.project();
    String image = imageRepository(name) + ":" + spec.releaseId();
    try {
      log.line("Perparing " + name + " container...");
      // docker image inspect <image>: the EXPOSEd ports
      InspectImageResponse inspect = docker.inspectImageCmd(image).exec();
      ExposedPort[] exposed =
          inspect.getConfig() == null || inspect.getConfig().getExposedPorts() == null
              ? new ExposedPort[0]
              : inspect.getConfig().getExposedPorts();
      new OriginalContainers(docker).replace(name, ComposeBuilder.composeProject(name), log);
      removeOldContainers(name, log);
      Ports ports = new Ports();
      for (ExposedPort p : exposed) {
        ports.bind(p, new Ports.Binding(settings.publishAddress(), Integer.toString(p.getPort())));
      }
      List<String> env = new ArrayList<>();
      spec.env().forEach((k, v) -> env.add(k + "=" + v));
      String persist = settings.hostPaths().toHost(settings.persistDir()).toString();
      java.nio.file.Files.createDirectories(settings.persistDir());
      Map<String, String> labels = new HashMap<>(Labels.of(name, spec.releaseId(), Labels.ROLE_APP));
      // docker create --name <name> --restart unless-stopped -e … -v <persist>:/persist -p <addr>:<p>:<p> --label … <image>
      String id =
          docker
              .createContainerCmd(image)
              .withName(name)
              .withEnv(env)
              .withLabels(labels)
              .withExposedPorts(exposed)
              .withHostConfig(
                  HostConfig.newHostConfig()
                      .withBinds(new Bind(persist, new Volume("/persist")))
                      .withPortBindings(ports)
                      .withRestartPolicy(RestartPolicy.unlessStoppedRestart()))
              .exec()
              .getId();
      log.line(name + " container created");
      // docker start <name>
      docker.startContainerCmd(id).exec();
    } catch (DeployFailedException e) {
      throw e;
    } catch (RuntimeException | IOException e) {
      throw new DeployFailedException(String.valueOf(e.getMessage()), e);
    }
  }

  /** Stops and removes the previous release's container; a foreign container named {@code <name>} is an error. */
  private void removeOldContainers(String name, LineSink log) {
    // docker ps -a --filter label=io.inertia.project=<name> --filter label=io.inertia.role=app
    List<Container> ours =
        docker
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(Map.of(Labels.PROJECT, name, Labels.ROLE, Labels.ROLE_APP))
            .exec();
    Set<String> ourIds = new HashSet<>();
    ours.forEach(c -> ourIds.add(c.getId()));
    try {
      // docker inspect <name>
      String existing = docker.inspectContainerCmd(name).exec().getId();
      if (!ourIds.contains(existing)) {
        throw new DeployFailedException(
            "a container named " + name + " exists that Inertia did not create; remove or rename it", null);
      }
    } catch (NotFoundException ignored) {
      // no container of that name
    }
    for (Container c : ours) {
      String shown = c.getNames() != null && c.getNames().length > 0 ? c.getNames()[0] : c.getId();
      log.line("Stopping " + shown + "...");
      try {
        // docker stop -t 10 <id>
        docker.stopContainerCmd(c.getId()).withTimeout(10).exec();
      } catch (RuntimeException ignored) {
        // not running
      }
      // docker rm <id>
      docker.removeContainerCmd(c.getId()).withForce(true).exec();
    }
  }
}
