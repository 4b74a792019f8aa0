package io.inertia.daemon.docker;

import com.github.dockerjava.api.DockerClient;
import io.inertia.daemon.deploy.LineSink;
import io.inertia.daemon.deploy.ProjectBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a Dockerfile project with the daemon's builder in a JVM of its own, so {@link BuildContextIT} can run it with
 * a small heap: {@code java -Xmx… BuildContextProbe <project dir> <project name> <release id>}. Prints {@code BUILT}
 * and exits 0 on success; a failure (an {@link OutOfMemoryError} included) exits non-zero.
 */
public final class BuildContextProbe {
  private BuildContextProbe() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    DockerClient docker = DockerClients.create();
    DockerSettings settings =
        new DockerSettings(dir, dir.resolveSibling("persist"), dir.resolveSibling("data"), HostPaths.identity(),
            DockerSettings.DEFAULT_COMPOSE_IMAGE, "127.0.0.1", Duration.ofMinutes(10));
    new DockerfileBuilder(docker, settings)
        .build(
            new ProjectBuilder.BuildSpec(args[1], Long.parseLong(args[2]), "probe", "Dockerfile", Map.of(),
                Optional.empty()),
            LineSink.none());
    Runtime rt = Runtime.getRuntime();
    System.out.printf("BUILT max heap %d MiB, used now %d MiB%n", rt.maxMemory() >> 20,
        (rt.totalMemory() - rt.freeMemory()) >> 20);
    System.exit(0);
  }
}
