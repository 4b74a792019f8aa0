package io.inertia.daemon.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.inertia.daemon.deploy.DeployFailedException;
import io.inertia.daemon.deploy.LineSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replaces what the original (Go) Inertia left running for a project, on the project's first deploy here.
 * The original ran a Dockerfile project as a container named {@code <project>}, and a compose project under the compose project name {@code <project>}, without
 * this daemon's {@code io.inertia.*} labels: this daemon touches no unlabelled container, so those would
 * block the new container's name and keep serving the old ports. Only those two shapes are removed, and
 * only while no labelled container of the project exists (the first deploy), each with a line in the log.
 */
final class OriginalContainers {
  private final DockerClient docker;

  OriginalContainers(DockerClient docker) {
    this.docker = docker;
  }

  /**
   * Removes the original's containers of {@code project}; returns the names removed.
   *
   * @throws DeployFailedException when the engine cannot list or remove them
   */
  List<String> replace(String project, String composeProject, LineSink log) {
    try {
      return replaceOrThrow(project, composeProject, log);
    } catch (RuntimeException e) {
      throw new DeployFailedException(
          "could not replace the containers the original Inertia left for " + project + ": " + e.getMessage(), e);
    }
  }

  private List<String> replaceOrThrow(String project, String composeProject, LineSink log) {
    List<String> removed = new ArrayList<>();
    // docker ps -a --filter label=io.inertia.project=<project> --filter label=io.inertia.role=app
    // (the compose runner of this very deploy is labelled too, with the runner role: it does not count)
    if (!docker.listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of(Labels.PROJECT, project, Labels.ROLE, Labels.ROLE_APP)).exec().isEmpty()) {
      return removed; // deployed here before: not a first deploy
    }
    // docker ps -a (all containers; the original's carry no label to filter on)
    for (Container c : docker.listContainersCmd().withShowAll(true).exec()) {
      Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
      if (labels.containsKey(Labels.PROJECT)) {
        continue;
      }
      String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0].replaceFirst("^/", "");
      String composeLabel = labels.getOrDefault("com.docker.compose.project", "");
      // Its image tag may already point at the new build (inertia-build/<project>:latest), so the name decides.
      boolean dockerfileApp = name.equals(project);
      boolean composeApp = !composeLabel.isEmpty()
          && (composeLabel.equals(composeProject) || composeLabel.equals(v1Name(project)));
      if (dockerfileApp || composeApp) {
        log.line("Replacing " + name + ", left running by the original Inertia daemon (first deploy of "
            + project + " here)");
        try {
          // docker rm -f <id>
          docker.removeContainerCmd(c.getId()).withForce(true).exec();
          removed.add(name);
        } catch (NotFoundException gone) {
          // removed meanwhile
        }
      }
    }
    return removed;
  }

  /** The compose project name Compose 1.x (the original's runner) derives: lower case, [-_a-z0-9] only. */
  static String v1Name(String project) {
    return project.toLowerCase(Locale.ROOT).replaceAll("[^-_a-z0-9]", "");
  }
}
