package io.inertia.testenv;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * A throwaway test VPS: a container from one of the {@code inertia-testvps:*} images (see
 * test_env/README.md) with a real OpenSSH server, key-only login for {@code root} and for
 * {@code deploy} (NOPASSWD sudo), and room for a nested Docker engine. SSH is published on a free
 * 127.0.0.1 port chosen by Docker. The client key pair is made with {@code ssh-keygen} in a temp
 * directory; host keys are trusted on first use into a temp known_hosts file and verified after.
 *
 * <p>Not thread-safe. {@link #close()} removes the container with its volumes ({@code docker rm -f
 * -v}) and the temp directory; use try-with-resources.
 */
public final class TestVps implements AutoCloseable {

  public static final String HOST = "127.0.0.1";
  public static final String ROOT = "root";
  public static final String DEPLOY = "deploy";

  private static final Duration DOCKER_TIMEOUT = Duration.ofMinutes(2);

  private final String image;
  private final String name;
  private final Path dir;
  private final List<String> extraRunArgs;
  private final Map<String, SSHClient> clients = new HashMap<>();
  private int sshPort;

  private TestVps(String image, String name, Path dir, List<String> extraRunArgs) {
    this.image = image;
    this.name = name;
    this.dir = dir;
    this.extraRunArgs = List.copyOf(extraRunArgs);
  }

  /**
   * Starts a VPS from {@code image} (built with test_env/images.sh when missing) and returns once
   * sshd accepts the generated key. Images whose tag contains {@code -systemd} get the tmpfs mounts
   * systemd needs.
   */
  public static TestVps start(String image) {
    return start(image, List.of());
  }

  /**
   * As {@link #start(String)}, with extra {@code docker run} arguments before the image, e.g. more
   * published ports ({@code -p 127.0.0.1:4303:4303}, {@code -p 127.0.0.1::8000}; see {@link
   * #publishedPort(int)}).
   */
  public static TestVps start(String image, List<String> extraRunArgs) {
    DockerCommands.requireEngine();
    DockerCommands.ensureImage(image);
    Path dir;
    try {
      dir = Files.createTempDirectory("inertia-testvps-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = "inertia-testvps-" + UUID.randomUUID().toString().substring(0, 8);
    TestVps vps = new TestVps(image, name, dir, extraRunArgs);
    try {
      vps.generateKey();
      vps.run();
      vps.awaitSsh();
      return vps;
    } catch (RuntimeException | Error e) {
      try {
        e.addSuppressed(new IllegalStateException("container logs:\n" + vps.logs()));
      } finally {
        vps.close();
      }
      throw e;
    }
  }

  public String image() {
    return image;
  }

  /** The container's name, for {@code docker} commands of your own. */
  public String containerName() {
    return name;
  }

  public String host() {
    return HOST;
  }

  public int sshPort() {
    return sshPort;
  }

  /** The 127.0.0.1 host port Docker published for the container's TCP {@code containerPort}. */
  public int publishedPort(int containerPort) {
    String binding =
        DockerCommands.check(DOCKER_TIMEOUT, "port", name, containerPort + "/tcp").lines()
            .filter(l -> l.startsWith(HOST + ":")).findFirst().orElseThrow();
    return Integer.parseInt(binding.substring(binding.lastIndexOf(':') + 1));
  }

  /** The OpenSSH ed25519 private key (no passphrase) that logs in as root and deploy. */
  public Path privateKey() {
    return dir.resolve("id_ed25519");
  }

  public Path publicKey() {
    return dir.resolve("id_ed25519.pub");
  }

  /** known_hosts holding this VPS's host key once a connection was made (trust on first use). */
  public Path knownHosts() {
    return dir.resolve("known_hosts");
  }

  /** The user with full rights ({@code root}); {@link #DEPLOY} is the sudo user. */
  public String user() {
    return ROOT;
  }

  /**
   * A new, connected and authenticated sshj client for {@code user}; the caller closes it. The
   * host key is checked against {@link #knownHosts()}, and recorded there on first use.
   */
  public SSHClient connect(String user) throws IOException {
    SSHClient ssh = new SSHClient();
    try {
      ssh.addHostKeyVerifier(new TrustOnFirstUse(knownHosts()));
      ssh.setConnectTimeout(5_000);
      ssh.connect(HOST, sshPort);
      ssh.authPublickey(user, ssh.loadKeys(privateKey().toString()));
      return ssh;
    } catch (IOException | RuntimeException e) {
      ssh.close();
      throw e;
    }
  }

  /** Runs {@code command} as root with a 5-minute bound. */
  public Exec exec(String command) {
    return exec(ROOT, command, null, Duration.ofMinutes(5));
  }

  /**
   * Runs {@code command} (through the user's login shell, no PTY) as {@code user}; {@code stdin},
   * when given, is copied to the command's input and then closed. Throws when the command does not
   * end within {@code timeout}.
   */
  public Exec exec(String user, String command, InputStream stdin, Duration timeout) {
    try {
      SSHClient ssh = client(user);
      try (Session session = ssh.startSession();
          Session.Command cmd = session.exec(command)) {
        CompletableFuture<String> out = DockerCommands.readAsync(cmd.getInputStream());
        CompletableFuture<String> err = DockerCommands.readAsync(cmd.getErrorStream());
        try (OutputStream in = cmd.getOutputStream()) {
          if (stdin != null) {
            stdin.transferTo(in);
          }
        }
        cmd.join(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Integer status = cmd.getExitStatus();
        return new Exec(command, status == null ? -1 : status, out.join(), err.join());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("ssh " + user + "@" + HOST + ":" + sshPort + " " + command, e);
    }
  }

  /**
   * Copies a host image into the VPS's Docker engine: {@code docker save IMAGE | ssh docker load}.
   * Returns the output of {@code docker load}.
   */
  public String loadImage(String hostImage) {
    ProcessBuilder save = new ProcessBuilder("docker", "save", hostImage);
    save.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process;
    try {
      process = save.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start docker save " + hostImage, e);
    }
    try (InputStream tar = process.getInputStream()) {
      Exec load = exec(ROOT, "docker load", tar, Duration.ofMinutes(5)).check();
      if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("docker save " + hostImage + " failed");
      }
      return load.stdout().strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      process.destroyForcibly();
    }
  }

  /** Waits (bounded) until the VPS's own Docker engine answers {@code docker info}. */
  public void awaitDocker(Duration timeout) {
    Poll.every(Duration.ofMillis(250), timeout)
        .until("docker info inside " + name, () -> exec("docker info >/dev/null 2>&1").ok());
  }

  /** {@code docker logs} of the container, for failure messages. */
  public String logs() {
    DockerCommands.Result logs = DockerCommands.run(DOCKER_TIMEOUT, "logs", "--tail", "100", name);
    return logs.stdout() + logs.stderr();
  }

  /** Disconnects, then {@code docker rm -f -v} the container and deletes the temp directory. */
  @Override
  public void close() {
    for (SSHClient ssh : clients.values()) {
      try {
        ssh.close();
      } catch (IOException ignored) {
        // the container goes away next; a failed disconnect changes nothing
      }
    }
    clients.clear();
    try {
      DockerCommands.run(DOCKER_TIMEOUT, "rm", "-f", "-v", name);
    } finally {
      deleteRecursively(dir);
    }
  }

  /** Result of a remote command. */
  public record Exec(String command, int exitStatus, String stdout, String stderr) {
    public boolean ok() {
      return exitStatus == 0;
    }

    /** Returns this result if the command exited 0, else throws with its output. */
    public Exec check() {
      if (!ok()) {
        throw new IllegalStateException(
            "`" + command + "` exited " + exitStatus + "\nstdout: " + stdout + "\nstderr: " + stderr);
      }
      return this;
    }
  }

  private SSHClient client(String user) throws IOException {
    SSHClient ssh = clients.get(user);
    if (ssh == null || !ssh.isConnected() || !ssh.isAuthenticated()) {
      ssh = connect(user);
      clients.put(user, ssh);
    }
    return ssh;
  }

  private void generateKey() {
    DockerCommands.Result keygen =
        DockerCommands.execute(
            new ProcessBuilder(
                "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "inertia-test",
                "-f", privateKey().toString()),
            Duration.ofSeconds(30),
            "ssh-keygen");
    if (!keygen.ok()) {
      throw new IllegalStateException("ssh-keygen failed: " + keygen.stderr());
    }
  }

  private void run() {
    String publicKey;
    try {
      publicKey = Files.readString(publicKey(), UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The flags of test_env/start_vps.sh: nested Docker without --privileged (see there).
    Stream.Builder<String> args = Stream.builder();
    Stream.of("run", "-d", "--name", name, "--hostname", "vps", "--label", DockerCommands.TEST_LABEL,
            "--cap-add", "ALL", "--cap-drop", "SYS_RESOURCE",
            "--security-opt", "seccomp=unconfined", "--security-opt", "apparmor=unconfined",
            "--cgroupns", "private", "-v", "/var/lib/docker",
            "-p", HOST + "::22", "-e", "SSH_AUTHORIZED_KEY=" + publicKey)
        .forEach(args);
    if (image.contains("-systemd")) {
      Stream.of("--tmpfs", "/run", "--tmpfs", "/run/lock").forEach(args);
    }
    extraRunArgs.forEach(args);
    args.add(image);
    DockerCommands.check(DOCKER_TIMEOUT, args.build().toArray(String[]::new));
    // "127.0.0.1:49153"
    String binding = DockerCommands.check(DOCKER_TIMEOUT, "port", name, "22/tcp").lines()
        .findFirst().orElseThrow();
    sshPort = Integer.parseInt(binding.substring(binding.lastIndexOf(':') + 1));
  }

  private void awaitSsh() {
    Poll.every(Duration.ofMillis(200), Duration.ofSeconds(30))
        .until(
            "sshd of " + name + " on " + HOST + ":" + sshPort,
            () -> {
              String running =
                  DockerCommands.check(DOCKER_TIMEOUT, "inspect", "-f", "{{.State.Running}}", name);
              if (!"true".equals(running)) {
                throw new IllegalStateException("container " + name + " stopped");
              }
              try {
                client(ROOT);
                return true;
              } catch (IOException e) {
                return false;
              }
            });
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }

  /**
   * Trust on first use: an unknown host key is appended to the known_hosts file and accepted; a
   * known host whose key changed is rejected. Never accepts a mismatch.
   */
  static final class TrustOnFirstUse extends OpenSSHKnownHosts {
    TrustOnFirstUse(Path knownHosts) throws IOException {
      super(knownHosts.toFile());
    }

    @Override
    protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
      try {
        HostEntry entry = new HostEntry(null, hostname, KeyType.fromKey(key), key);
        write(entry);
        entries().add(entry);
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot record host key in " + khFile, e);
      }
    }

    @Override
    protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
      return false;
    }
  }
}
