package io.inertia.daemon.docker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Ports;
import io.inertia.daemon.deploy.BuildType;
import io.inertia.daemon.deploy.DeploymentService;
import io.inertia.daemon.deploy.EnvironmentSource;
import io.inertia.daemon.deploy.LineSink;
import io.inertia.daemon.git.JGitSourceRepository;
import io.inertia.daemon.store.Database;
import io.inertia.daemon.store.SqliteDeploymentStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Integration-test support over the real Docker engine: a labelled git server container ({@code
 * inertia-test-gitserver:1}, git over SSH with a fresh deploy key and a scanned known_hosts), a local work tree that
 * commits fixture projects ({@code src/test/resources/fixtures}) and pushes them, a factory for deployment services
 * with the real adapters, and clean-up of everything the tests created. Aborts without an engine, fails under CI.
 */
public final class GitFixtureServer implements AutoCloseable {
  public static final Map<String, String> TEST_LABEL = Map.of("io.inertia.test", "true");

  public final DockerClient docker;
  public final Path tmp;
  public final Path key;
  public final Path knownHosts;
  public final String remote;
  public final Path work;
  public final Map<String, String> gitEnv;
  public final String gitServerId;

  private GitFixtureServer(
      DockerClient docker, Path tmp, Path key, Path knownHosts, String remote, Path work, Map<String, String> gitEnv,
      String gitServerId) {
    this.docker = docker;
    this.tmp = tmp;
    this.key = key;
    this.knownHosts = knownHosts;
    this.remote = remote;
    this.work = work;
    this.gitEnv = gitEnv;
    this.gitServerId = gitServerId;
  }

  /** Starts the git server and prepares an empty work tree on branch {@code main} with {@link #remote} as origin. */
  public static GitFixtureServer start() throws Exception {
    DockerClient docker = DockerClients.create();
    try {
      docker.pingCmd().exec();
    } catch (RuntimeException e) {
      if ("true".equals(System.getenv("CI"))) {
        fail("no Docker engine in CI: " + e.getMessage());
      }
      Assumptions.abort("no Docker engine: " + e.getMessage());
    }
    for (String base : List.of("debian:bookworm", "docker:26-cli")) {
      try {
        docker.inspectImageCmd(base).exec();
      } catch (NotFoundException e) {
        fail("base image " + base + " missing: build it with test_env/images.sh");
      }
    }
    Path tmp = Files.createTempDirectory("inertia-deploy-it");
    ensureImage(docker, "inertia-fixture-base:1", resource("fixtures/base"));
    ensureImage(docker, "inertia-test-gitserver:1", resource("gitserver"));

    Path key = tmp.resolve("id_rsa_inertia_deploy");
    run(tmp, Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "inertia-deploy", "-f", key.toString());
    int sshPort = freePort();
    ExposedPort ssh = ExposedPort.tcp(22);
    Ports ports = new Ports();
    ports.bind(ssh, Ports.Binding.bindIpAndPort("127.0.0.1", sshPort));
    // docker run -d --label io.inertia.test=true -p 127.0.0.1:<port>:22 -e AUTHORIZED_KEY=… inertia-test-gitserver:1
    String gitServerId =
        docker
            .createContainerCmd("inertia-test-gitserver:1")
            .withLabels(TEST_LABEL)
            .withEnv("AUTHORIZED_KEY=" + Files.readString(Path.of(key + ".pub")).strip())
            .withExposedPorts(ssh)
            .withHostConfig(HostConfig.newHostConfig().withPortBindings(ports))
            .exec()
            .getId();
    docker.startContainerCmd(gitServerId).exec();
    Path knownHosts = tmp.resolve("known_hosts");
    String scanned = "";
    for (int i = 0; i < 100 && !scanned.contains("ssh-ed25519"); i++) {
      scanned = run(tmp, Map.of(), "ssh-keyscan", "-p", Integer.toString(sshPort), "127.0.0.1");
      if (!scanned.contains("ssh-ed25519")) {
        Thread.sleep(200);
      }
    }
    assertFalse(scanned.isBlank(), "sshd did not answer");
    Files.writeString(knownHosts, scanned);
    String remote = "ssh://git@127.0.0.1:" + sshPort + "/srv/app.git";
    Map<String, String> gitEnv =
        Map.of(
            "GIT_SSH_COMMAND",
            "ssh -i " + key + " -o IdentitiesOnly=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=" + knownHosts,
            "GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@example.com",
            "GIT_COMMITTER_NAME", "t", "GIT_COMMITTER_EMAIL", "t@example.com");
    Path work = tmp.resolve("work");
    Files.createDirectories(work);
    run(work, gitEnv, "git", "init", "-q", "-b", "main");
    run(work, gitEnv, "git", "remote", "add", "origin", remote);
    return new GitFixtureServer(docker, tmp, key, knownHosts, remote, work, gitEnv, gitServerId);
  }

  /**
   * A deployment service with the real adapters for a daemon whose home is {@code home} ({@code project/},
   * {@code persist/}, {@code data/}), over {@code db}.
   */
  public DeploymentService service(Path home, String composeImage, Database db, EnvironmentSource env) {
    DockerSettings settings =
        new DockerSettings(
            home.resolve("project"), home.resolve("persist"), home.resolve("data"), HostPaths.identity(), composeImage,
            "127.0.0.1", Duration.ofMinutes(10));
    return new DeploymentService(
        new JGitSourceRepository(home.resolve("project"), key, knownHosts, home.resolve("data/ssh")),
        Map.of(
            BuildType.DOCKER_COMPOSE, new ComposeBuilder(docker, settings),
            BuildType.DOCKERFILE, new DockerfileBuilder(docker, settings)),
        new DockerJavaEngine(docker), new SqliteDeploymentStore(db), env,
        (target, text, colour) -> {}, Clock.systemUTC(), "test");
  }

  /** Replaces the work tree with the fixture layers ({@code a+b}), applies {@code edits}, commits and pushes. */
  public void commitFixture(String fixture, Map<String, String> edits, String message) throws Exception {
    try (Stream<Path> files = Files.list(work)) {
      for (Path p : files.toList()) {
        if (!p.getFileName().toString().equals(".git")) {
          deleteTree(p);
        }
      }
    }
    for (String layer : fixture.split("\\+")) {
      copyTree(resource("fixtures/" + layer), work);
    }
    Files.copy(resource("fixtures/server.py"), work.resolve("server.py"));
    for (Map.Entry<String, String> e : edits.entrySet()) {
      if (e.getKey().startsWith("@")) {
        Path df = work.resolve("Dockerfile");
        Files.writeString(df, Files.readString(df).replace(e.getKey(), e.getValue()));
      } else {
        Files.writeString(work.resolve(e.getKey()), e.getValue());
      }
    }
    run(work, gitEnv, "git", "add", "-A");
    run(work, gitEnv, "git", "commit", "-q", "--allow-empty", "-m", message);
    String branch = run(work, gitEnv, "git", "rev-parse", "--abbrev-ref", "HEAD").strip();
    run(work, gitEnv, "git", "push", "-q", "-f", "origin", "HEAD:refs/heads/" + branch);
  }

  /** The work tree's HEAD commit. */
  public String head() throws Exception {
    return run(work, gitEnv, "git", "rev-parse", "HEAD").strip();
  }

  /** Stops the projects' containers and removes the images built for them. */
  public void removeProjects(Collection<String> projects) {
    DockerJavaEngine engine = new DockerJavaEngine(docker);
    for (String p : projects) {
      try {
        engine.stopProject(p, LineSink.none());
      } catch (RuntimeException ignored) {
        // best effort
      }
    }
    for (Image i : docker.listImagesCmd().exec()) {
      String[] tags = i.getRepoTags() == null ? new String[0] : i.getRepoTags();
      boolean ours =
          Stream.of(tags)
              .anyMatch(
                  t ->
                      projects.stream()
                          .anyMatch(
                              p ->
                                  t.startsWith(DockerfileBuilder.imageRepository(p) + ":")
                                      || t.startsWith(ComposeBuilder.composeProject(p) + "-web:")
                                      || t.startsWith(ComposeBuilder.composeProject(p) + "_web:")));
      if (ours) {
        try {
          docker.removeImageCmd(i.getId()).withForce(true).exec();
        } catch (RuntimeException ignored) {
          // in use or gone
        }
      }
    }
    for (String p : projects) {
      // docker image prune --filter label=com.docker.compose.project=<p> (superseded compose builds)
      docker.pruneCmd(com.github.dockerjava.api.model.PruneType.IMAGES).withDangling(true)
          .withLabelFilter("com.docker.compose.project=" + ComposeBuilder.composeProject(p)).exec();
    }
  }

  /** Removes the git server container and the temporary directory. */
  @Override
  public void close() throws IOException {
    removeContainer(gitServerId);
    try (Stream<Path> walk = Files.walk(tmp)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** docker rm -f -v <id>, ignoring a container that is gone. */
  public void removeContainer(String id) {
    if (id != null) {
      try {
        docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
      } catch (RuntimeException ignored) {
        // gone
      }
    }
  }

  static void ensureImage(DockerClient docker, String tag, Path dir) {
    try {
      docker.inspectImageCmd(tag).exec();
    } catch (NotFoundException missing) {
      // docker build -t <tag> --label io.inertia.test=true <dir>
      docker
          .buildImageCmd(dir.toFile())
          .withTags(Set.of(tag))
          .withLabels(TEST_LABEL)
          .withPull(false)
          .exec(new BuildImageResultCallback())
          .awaitImageId(10, TimeUnit.MINUTES);
    }
  }

  public static Path resource(String name) throws Exception {
    return Path.of(GitFixtureServer.class.getClassLoader().getResource(name).toURI());
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  /** Runs a command, failing the test on a non-zero exit (ssh-keyscan: returns the [127.0.0.1] lines). */
  public static String run(Path dir, Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("timed out: " + String.join(" ", command));
    }
    if (p.exitValue() != 0 && !command[0].equals("ssh-keyscan")) {
      fail(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + out);
    }
    if (command[0].equals("ssh-keyscan")) {
      return out.lines().filter(l -> l.startsWith("[127.0.0.1]:")).reduce("", (a, b) -> a + b + "\n");
    }
    return out;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
