package io.inertia.daemon.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import io.inertia.daemon.deploy.LineSink;
import io.inertia.daemon.deploy.ProjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Build contexts against the real engine: a project with an executable script reached through a symlink deploys
 * and runs; the context holds exactly what the {@code docker build} CLI (docker:26-cli, classic builder) sends for a
 * tricky {@code .dockerignore}, with the same modes and links; and a context several times larger than the heap
 * builds in a JVM with a small heap (it is streamed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuildContextIT {
  private final String suffix = "deploy-" + UUID.randomUUID().toString().substring(0, 8);
  private DockerClient docker;
  private Path tmp;
  private final List<String> projects = new ArrayList<>();

  @BeforeAll
  void setUp() throws IOException {
    docker = DockerClients.create();
    docker.pingCmd().exec();
    tmp = Files.createTempDirectory("inertia-ctx-it");
  }

  @AfterAll
  void tearDown() throws IOException {
    for (String p : projects) {
      try {
        new DockerJavaEngine(docker).stopProject(p, LineSink.none());
      } catch (RuntimeException ignored) {
        // best effort
      }
      for (Image i : docker.listImagesCmd().withLabelFilter(Map.of(Labels.PROJECT, p)).exec()) {
        try {
          docker.removeImageCmd(i.getId()).withForce(true).exec();
        } catch (RuntimeException ignored) {
          // best effort
        }
      }
    }
    try {
      docker.removeImageCmd("ctx-cli-" + suffix).withForce(true).exec();
    } catch (RuntimeException ignored) {
      // not built
    }
    try (Stream<Path> walk = Files.walk(tmp)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private DockerSettings settings(Path project) {
    return new DockerSettings(project, project.resolveSibling("persist"), project.resolveSibling("data"),
        HostPaths.identity(), DockerSettings.DEFAULT_COMPOSE_IMAGE, "127.0.0.1", Duration.ofMinutes(10));
  }

  private static void write(Path p, String text, String perms) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES) // builds on a shared engine
  void anExecutableScriptReachedThroughASymlinkRuns() throws Exception {
    String project = "ctx-exec-" + suffix;
    projects.add(project);
    Path dir = Files.createDirectories(tmp.resolve(project + "/project"));
    write(dir.resolve("Dockerfile"), "FROM debian:bookworm\nWORKDIR /app\nCOPY . .\nCMD [\"./run.sh\"]\n", "rw-r--r--");
    write(dir.resolve("run.sh"), "#!/bin/sh\n./tool\necho run.sh ran\nexec sleep 300\n", "rwxr-xr-x");
    write(dir.resolve("bin/real-tool.sh"), "#!/bin/sh\necho tool ran through its symlink\n", "rwxr-xr-x");
    Files.createSymbolicLink(dir.resolve("tool"), Path.of("bin/real-tool.sh"));
    DockerfileBuilder builder = new DockerfileBuilder(docker, settings(dir));
    ProjectBuilder.BuildSpec spec =
        new ProjectBuilder.BuildSpec(project, 1, "c1", "Dockerfile", Map.of(), Optional.empty());
    builder.activate(builder.build(spec, LineSink.none()), LineSink.none());

    List<String> lines = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 200 && !lines.contains("run.sh ran"); i++) {
      lines.clear();
      lines.addAll(new DockerJavaEngine(docker).logs(project, 20));
      Thread.sleep(100);
    }
    assertTrue(lines.contains("tool ran through its symlink"), lines.toString());
    assertTrue(lines.contains("run.sh ran"), lines.toString());
    assertEquals(
        Boolean.TRUE, docker.inspectContainerCmd(project).exec().getState().getRunning(), "the app keeps running");
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES) // builds on a shared engine
  void theContextMatchesWhatTheDockerCliSends() throws Exception {
    String project = "ctx-cli-" + suffix;
    projects.add(project);
    Path dir = Files.createDirectories(tmp.resolve(project + "/project"));
    String nonce = UUID.randomUUID().toString();
    write(dir.resolve("Dockerfile"),
        "FROM debian:bookworm\nCOPY . /ctx\nRUN echo " + nonce + " && cd /ctx"
            + " && find . -printf 'CTX %p %m %y %l %T@\\n' | sort\n", "rw-r--r--");
    write(dir.resolve(".dockerignore"),
        "\uFEFF# ignore rules\n*.log\n!important.log\n**/tmp\n/build/\n./data\n!data/keep\n"
            + "docs/**/*.md\n!docs/README.md\n  spaced.txt  \nDockerfile\n.dockerignore\nsub/*/deep\n", "rw-r--r--");
    write(dir.resolve("run.sh"), "#!/bin/sh\n", "rwxr-xr-x");
    write(dir.resolve("private.key"), "k", "rw-------");
    write(dir.resolve("setuid-tool"), "x", "rwxr-xr-x");
    GitFixtureServer.run(dir, Map.of(), "chmod", "4755", "setuid-tool");
    write(dir.resolve("a.log"), "", "rw-r--r--");
    write(dir.resolve("important.log"), "", "rw-r--r--");
    write(dir.resolve("nested/b.log"), "", "rw-r--r--");
    write(dir.resolve("nested/tmp/x"), "", "rw-r--r--");
    write(dir.resolve("tmp/y"), "", "rw-r--r--");
    write(dir.resolve("build/out.o"), "", "rw-r--r--");
    write(dir.resolve("src/build/keep.o"), "", "rw-r--r--");
    write(dir.resolve("data/keep"), "", "rw-r--r--");
    write(dir.resolve("data/drop"), "", "rw-r--r--");
    write(dir.resolve("docs/README.md"), "", "rw-r--r--");
    write(dir.resolve("docs/guide/intro.md"), "", "rw-r--r--");
    write(dir.resolve("docs/guide/pic.png"), "", "rw-r--r--");
    write(dir.resolve("spaced.txt"), "", "rw-r--r--");
    write(dir.resolve("sub/one/deep"), "", "rw-r--r--");
    write(dir.resolve("sub/one/shallow"), "", "rw-r--r--");
    Files.createDirectories(dir.resolve("empty-dir"));
    Files.setPosixFilePermissions(dir.resolve("empty-dir"), PosixFilePermissions.fromString("rwx--x---"));
    Files.createSymbolicLink(dir.resolve("link-to-run"), Path.of("run.sh"));
    Files.createSymbolicLink(dir.resolve("dangling"), Path.of("/no/such/target"));
    Files.createSymbolicLink(dir.resolve("dir-link"), Path.of("docs"));
    Files.createLink(dir.resolve("hard-run"), dir.resolve("run.sh"));
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.toList()) {
        if (!Files.isSymbolicLink(p)) {
          Files.setLastModifiedTime(p, FileTime.fromMillis(1_700_000_000_500L));
        }
      }
    }

    List<String> ours = new CopyOnWriteArrayList<>();
    new DockerfileBuilder(docker, settings(dir))
        .build(new ProjectBuilder.BuildSpec(project, 1, "c1", "Dockerfile", Map.of(), Optional.empty()), ours::add);
    // docker run --rm -v /var/run/docker.sock:… -v <dir>:<dir> -w <dir> -e DOCKER_BUILDKIT=0 docker:26-cli build …
    String cli =
        GitFixtureServer.run(dir, Map.of(), "docker", "run", "--rm", "--label", "io.inertia.test=true",
            "-v", "/var/run/docker.sock:/var/run/docker.sock", "-v", dir + ":" + dir, "-w", dir.toString(),
            "-e", "DOCKER_BUILDKIT=0", "docker:26-cli", "build", "--no-cache", "--label", "io.inertia.test=true",
            "-t", "ctx-cli-" + suffix, ".");

    // Directories the context does not carry (".", and "data", excluded but walked for its exception) are made by
    // COPY at build time: their times differ between the two builds.
    java.util.function.Function<String, String> stable =
        l -> l.matches("CTX (\\.|\\./data) .*") ? l.replaceAll(" [0-9.]+$", " (build time)") : l;
    List<String> fromCli = cli.lines().filter(l -> l.startsWith("CTX ")).map(stable).sorted().toList();
    List<String> fromUs = ours.stream().filter(l -> l.startsWith("CTX ")).map(stable).sorted().toList();
    assertTrue(fromCli.size() > 10, cli);
    assertEquals(fromCli, fromUs);
    assertTrue(fromUs.contains("CTX ./run.sh 755 f  1700000000.0000000000"), fromUs.toString());
    assertTrue(fromUs.stream().anyMatch(l -> l.startsWith("CTX ./link-to-run 777 l run.sh ")), fromUs.toString());
    assertTrue(fromUs.stream().noneMatch(l -> l.contains("./data/drop")), fromUs.toString());
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES) // builds on a shared engine
  void aContextMuchLargerThanTheHeapBuildsInASmallJvm() throws Exception {
    String project = "ctx-big-" + suffix;
    projects.add(project);
    Path dir = Files.createDirectories(tmp.resolve(project + "/project"));
    write(dir.resolve("Dockerfile"), "FROM debian:bookworm\nCOPY marker.txt /\n", "rw-r--r--");
    write(dir.resolve("marker.txt"), "m", "rw-r--r--");
    byte[] chunk = new byte[1 << 20];
    Random random = new Random(1);
    for (int f = 0; f < 24; f++) {
      try (OutputStream out = Files.newOutputStream(dir.resolve("blob-" + f + ".bin"))) {
        for (int m = 0; m < 8; m++) {
          random.nextBytes(chunk);
          out.write(chunk);
        }
      }
    }
    // 192 MiB of incompressible data against a 40 MiB heap: holding the context in memory cannot work.
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx40m",
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                BuildContextProbe.class.getName(), dir.toString(), project, "1")
            .redirectErrorStream(true)
            .start();
    String out;
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("the probe did not finish");
    }
    out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("BUILT"), out);
    System.out.println("[streaming] 192 MiB context, -Xmx40m: " + out.lines().filter(l -> l.startsWith("BUILT")).findFirst().orElse(""));
  }
}
