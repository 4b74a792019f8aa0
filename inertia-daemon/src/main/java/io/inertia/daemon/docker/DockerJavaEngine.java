package io.inertia.daemon.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.PruneType;
import io.inertia.daemon.deploy.ContainerEngine;
import io.inertia.daemon.deploy.EngineException;
import io.inertia.daemon.deploy.LineSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Project-scoped Docker operations. Everything is selected by the label {@code io.inertia.project=<project>}; no
 * unlabelled container, image, network or volume is ever listed, stopped or removed.
 */
public final class DockerJavaEngine implements ContainerEngine {
  /** Release images kept by prune besides those in use, for rollback. */
  static final int KEEP_RELEASE_IMAGES = 3;

  private final DockerClient docker;

  public DockerJavaEngine(DockerClient docker) {
    this.docker = docker;
  }

  @Override
  public List<String> projectContainers(String project) {
    try {
      // docker ps --filter label=io.inertia.project=<project>
      List<String> names = new ArrayList<>();
      for (Container c : docker.listContainersCmd().withLabelFilter(Map.of(Labels.PROJECT, project)).exec()) {
        if (Labels.ROLE_RUNNER.equals(labels(c).get(Labels.ROLE))) {
          continue;
        }
        names.add(c.getNames() != null && c.getNames().length > 0 ? c.getNames()[0] : c.getId());
      }
      Collections.sort(names);
      return names;
    } catch (RuntimeException e) {
      throw new EngineException("failed to get status", String.valueOf(e.getMessage()), e);
    }
  }

  @Override
  public void stopProject(String project, LineSink log) {
    try {
      log.line("Shutting down active containers...");
      // docker ps -a --filter label=io.inertia.project=<project>
      for (Container c :
          docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Labels.PROJECT, project)).exec()) {
        String name = c.getNames() != null && c.getNames().length > 0 ? c.getNames()[0] : c.getId();
        log.line("Stopping " + name + "...");
        try {
          // docker stop -t 10 <id>
          docker.stopContainerCmd(c.getId()).withTimeout(10).exec();
        } catch (RuntimeException notRunning) {
          // already stopped or removed
        }
        try {
          // docker rm -f <id>
          docker.removeContainerCmd(c.getId()).withForce(true).exec();
        } catch (NotFoundException gone) {
          // auto-removed
        }
      }
      // docker network ls --filter label=io.inertia.project=<project>; docker network rm <id>
      for (Network n : docker.listNetworksCmd().withFilter("label", List.of(Labels.PROJECT + "=" + project)).exec()) {
        try {
          docker.removeNetworkCmd(n.getId()).exec();
        } catch (RuntimeException inUse) {
          log.line("warning: network " + n.getName() + " not removed: " + inUse.getMessage());
        }
      }
    } catch (RuntimeException e) {
      throw new EngineException("failed to shut down project", String.valueOf(e.getMessage()), e);
    }
  }

  @Override
  public void prune(String project, LineSink log) {
    String label = Labels.PROJECT + "=" + project;
    try {
      // docker container prune --filter label=io.inertia.project=<project>
      docker.pruneCmd(PruneType.CONTAINERS).withLabelFilter(label).exec();
      // docker network prune --filter label=…
      docker.pruneCmd(PruneType.NETWORKS).withLabelFilter(label).exec();
      // docker image prune --filter label=… (dangling only)
      docker.pruneCmd(PruneType.IMAGES).withDangling(true).withLabelFilter(label).exec();
      // docker image prune --filter label=com.docker.compose.project=<name> (dangling only): images of older
      // compose builds carry Compose's project label, not ours.
      docker.pruneCmd(PruneType.IMAGES).withDangling(true)
          .withLabelFilter("com.docker.compose.project=" + ComposeBuilder.composeProject(project)).exec();
      // docker volume prune --filter label=…
      docker.pruneCmd(PruneType.VOLUMES).withLabelFilter(label).exec();
      removeOldReleaseImages(project, log);
    } catch (RuntimeException e) {
      throw new EngineException("failed to prune Docker assets", String.valueOf(e.getMessage()), e);
    }
  }

  /** Keeps images in use and the newest {@link #KEEP_RELEASE_IMAGES} releases; removes older labelled ones. */
  private void removeOldReleaseImages(String project, LineSink log) {
    Set<String> inUse = new HashSet<>();
    // docker ps -a (image ids of all containers, so no image in use anywhere is removed)
    for (Container c : docker.listContainersCmd().withShowAll(true).exec()) {
      inUse.add(c.getImageId());
    }
    // docker images --filter label=io.inertia.project=<project>
    List<Image> images =
        new ArrayList<>(docker.listImagesCmd().withLabelFilter(Map.of(Labels.PROJECT, project)).exec());
    images.sort(Comparator.comparingLong((Image i) -> release(i)).reversed());
    int kept = 0;
    for (Image i : images) {
      if (inUse.contains(i.getId()) || kept < KEEP_RELEASE_IMAGES) {
        kept++;
        continue;
      }
      try {
        log.line("Removing image " + Arrays.toString(i.getRepoTags()) + "...");
        // docker rmi <id> (no force: an image in use stays)
        docker.removeImageCmd(i.getId()).withForce(false).exec();
      } catch (RuntimeException e) {
        log.line("warning: image not removed: " + e.getMessage());
      }
    }
  }

  @Override
  public boolean isProjectContainer(String container) {
    String name = container.startsWith("/") ? container.substring(1) : container;
    try {
      // docker inspect --format '{{index .Config.Labels "io.inertia.project"}}' <container>
      var config = docker.inspectContainerCmd(name).exec().getConfig();
      Map<String, String> labels = config == null || config.getLabels() == null ? Map.of() : config.getLabels();
      return labels.containsKey(Labels.PROJECT);
    } catch (NotFoundException e) {
      return false;
    } catch (RuntimeException e) {
      throw new EngineException("failed to find logs for container", String.valueOf(e.getMessage()), e);
    }
  }

  @Override
  public List<String> logs(String container, int entries) {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    try (FrameLines callback = new FrameLines(lines::add)) {
      // docker logs --tail <entries> <container>
      docker
          .logContainerCmd(container)
          .withStdOut(true)
          .withStdErr(true)
          .withTail(entries)
          .exec(callback)
          .awaitCompletion(30, TimeUnit.SECONDS);
      if (callback.error() instanceof NotFoundException) {
        throw EngineException.notFound(container);
      }
      if (callback.error() != null) {
        throw new EngineException(
            "failed to find logs for container", String.valueOf(callback.error().getMessage()), callback.error());
      }
      return List.copyOf(lines);
    } catch (NotFoundException e) {
      throw EngineException.notFound(container);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("failed to find logs for container", "interrupted", e);
    } catch (java.io.IOException e) {
      throw new EngineException("failed to find logs for container", e.getMessage(), e);
    }
  }

  @Override
  public LogFollow followLogs(String container, int entries, LineSink sink) {
    FrameLines callback = new FrameLines(sink);
    try {
      // docker logs --follow --timestamps --tail <entries> <container>
      docker
          .logContainerCmd(container)
          .withStdOut(true)
          .withStdErr(true)
          .withFollowStream(true)
          .withTimestamps(true)
          .withTail(entries)
          .exec(callback);
    } catch (NotFoundException e) {
      throw EngineException.notFound(container);
    }
    return new LogFollow() {
      @Override
      public void close() {
        try {
          callback.close();
        } catch (java.io.IOException ignored) {
          // already closed
        }
      }

      @Override
      public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    };
  }

  private static Map<String, String> labels(Container c) {
    return c.getLabels() == null ? Map.of() : c.getLabels();
  }

  private static long release(Image i) {
    try {
      return Long.parseLong(i.getLabels() == null ? "0" : i.getLabels().getOrDefault(Labels.RELEASE, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
