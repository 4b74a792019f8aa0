package io.inertia.daemon.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.WaitContainerCondition;
import io.inertia.daemon.deploy.LineSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Short-lived helper containers (compose runners) and image presence; shared by the builders. */
final class ContainerRuns {
  private final DockerClient docker;

  ContainerRuns(DockerClient docker) {
    this.docker = docker;
  }

  /**
   * Runs a container to completion with its output streamed line by line and returns its exit code. Equivalent to
   * {@code docker run --rm --label … -e … -v … -w <workdir> <image> <args…>}. The container is auto-removed; the
   * wait is registered and the attach made before the start so neither exit code nor output is lost (LIBRARIES.md
   * §2.4).
   */
  int run(
      String image,
      List<String> args,
      List<String> env,
      Map<String, String> labels,
      List<Bind> binds,
      String workingDir,
      Duration timeout,
      LineSink out) {
    ensureImage(image, out);
    // docker create --rm --label … -e … -v … -w <dir> <image> <args>
    String id =
        docker
            .createContainerCmd(image)
            .withCmd(args)
            .withEnv(env)
            .withLabels(labels)
            .withWorkingDir(workingDir)
            .withHostConfig(HostConfig.newHostConfig().withAutoRemove(true).withBinds(binds))
            .exec()
            .getId();
    try (FrameLines lines = new FrameLines(out)) {
      // docker wait --condition removed <id>
      WaitContainerResultCallback wait =
          docker.waitContainerCmd(id).withCondition(WaitContainerCondition.REMOVED).exec(new WaitContainerResultCallback());
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
      int code;
      try {
        code = wait.awaitStatusCode(timeout.toSeconds(), TimeUnit.SECONDS);
      } catch (RuntimeException e) {
        // docker rm -f <id>
        removeQuietly(id);
        throw e;
      }
      lines.awaitCompletion(10, TimeUnit.SECONDS);
      return code;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      removeQuietly(id);
      throw new IllegalStateException("interrupted while running " + image, e);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
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
