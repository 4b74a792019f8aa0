package io.inertia.daemon.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.WaitContainerCondition;
import io.inertia.daemon.deploy.LineSink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Short-lived helper containers (compose runners) and image presence; shared by the builders. */
final class ContainerRuns {
  private final DockerClient docker;

  ContainerRuns(DockerClient docker) {
    this.docker = docker;
  }

  /** A started auto-remove container: its exit code arrives in {@link #exit}; output streams to the sink. */
  record Started(String id, java.util.concurrent.CompletableFuture<Integer> exit, FrameLines output) {}

  /**
   * Starts a container like {@link #run} but returns at once. Equivalent to {@code docker run -d --rm
   * --entrypoint <entrypoint> …}; the exit code completes {@link Started#exit} (exceptionally if the wait fails).
   */
  Started start(
      String image,
      List<String> entrypoint,
      List<String> args,
      List<String> env,
      Map<String, String> labels,
      List<Bind> binds,
      String workingDir,
      LineSink out) {
    ensureImage(image, out);
    // docker create --rm --entrypoint … --label … -e … -v … -w <dir> <image> <args>
    String id =
        docker
            .createContainerCmd(image)
            .withEntrypoint(entrypoint)
            .withCmd(args)
            .withEnv(env)
            .withLabels(labels)
            .withWorkingDir(workingDir)
            .withHostConfig(HostConfig.newHostConfig().withAutoRemove(true).withBinds(binds))
            .exec()
            .getId();
    java.util.concurrent.CompletableFuture<Integer> exit = new java.util.concurrent.CompletableFuture<>();
    FrameLines lines = new FrameLines(out);
    try {
      // docker wait --condition removed <id>
      docker
          .waitContainerCmd(id)
          .withCondition(WaitContainerCondition.REMOVED)
          .exec(
              new com.github.dockerjava.api.async.ResultCallback.Adapter<
                  com.github.dockerjava.api.model.WaitResponse>() {
                @Override
                public void onNext(com.github.dockerjava.api.model.WaitResponse r) {
                  exit.complete(r.getStatusCode());
                }

                @Override
                public void onError(Throwable t) {
                  exit.completeExceptionally(t);
                  try {
                    close();
                  } catch (java.io.IOException ignored) {
                    // closing
                  }
                }

                @Override
                public void onComplete() {
                  exit.completeExceptionally(new IllegalStateException("wait ended without a status"));
                  super.onComplete();
                }
              });
      // docker attach <id>
      docker
          .attachContainerCmd(id)
          .withStdOut(true)
          .withStdErr(true)
          .withFollowStream(true)
          .withLogs(true)
          .exec(lines)
          .awaitStarted(30, TimeUnit.SECONDS);
      // docker start <id>
      docker.startContainerCmd(id).exec();
      return new Started(id, exit, lines);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      removeQuietly(id);
      throw new IllegalStateException("interrupted while starting " + image, e);
    } catch (RuntimeException e) {
      removeQuietly(id);
      throw e;
    }
  }

  /** Force-removes a container, ignoring one that is already gone. */
  void remove(String id) {
    removeQuietly(id);
  }

  /** Inspects the image, pulling it only when it is missing locally ({@code docker pull} never runs otherwise). */
  InspectImageResponse ensureImage(String image, LineSink out) {
    try {
      // docker image inspect <image>
      return docker.inspectImageCmd(image).exec();
    } catch (NotFoundException missing) {
      out.line("Pulling " + image + "...");
      try {
        // docker pull <image>
        docker.pullImageCmd(image).exec(new PullImageResultCallback()).awaitCompletion(10, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while pulling " + image, e);
      }
      return docker.inspectImageCmd(image).exec();
    }
  }

  private void removeQuietly(String id) {
    try {
      docker.removeContainerCmd(id).withForce(true).exec();
    } catch (RuntimeException ignored) {
      // already gone (auto-remove)
    }
  }
}
