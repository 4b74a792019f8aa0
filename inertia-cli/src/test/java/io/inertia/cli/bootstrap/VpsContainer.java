package io.inertia.cli.bootstrap;

import io.inertia.cli.ssh.SshTarget;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A test VPS container (sshd, key login for root and {@code deploy}, nested Docker) run with the
 * capability flags of docs/environment.md#test-vps-containers, through the docker CLI. A stand-in until the harness branch's
 * {@code TestVps} lands. Labelled {@code io.inertia.test=true}; {@link #close()} removes it with its
 * volumes.
 */
final class VpsContainer implements AutoCloseable {
  static final String IMAGE_WITH_DOCKER = "inertia-testvps:debian-bookworm";
  static final String IMAGE_WITHOUT_DOCKER = "inertia-testvps:debian-trixie-nodocker";
  /** systemd as PID 1 (run with tmpfs /run and /run/lock), Docker preinstalled as a unit. */
  static final String IMAGE_SYSTEMD = "inertia-testvps:debian-bookworm-systemd";

  final String name;
  final int sshPort;
  final Path privateKey;

  private VpsContainer(String name, int sshPort, Path privateKey) {
    this.name = name;
    this.sshPort = sshPort;
    this.privateKey = privateKey;
  }

  /** Starts {@code image} with a fresh ed25519 client key in {@code keyDir}; waits for sshd. */
  static VpsContainer start(String image, Path keyDir) throws Exception {
    return start(image, keyDir, 0);
  }

  /**
   * As {@link #start(String, Path)}, also publishing {@code samePort} (if not 0) as
   * {@code 127.0.0.1:samePort -> samePort}, so a daemon started with {@code -p samePort:4303} inside
   * the VPS is reachable at that port from the host.
   */
  static VpsContainer start(String image, Path keyDir, int samePort) throws Exception {
    List<String> extra =
        image.endsWith("-systemd") ? List.of("--tmpfs", "/run", "--tmpfs", "/run/lock") : List.of();
    return start(image, keyDir, samePort, extra);
  }

  static VpsContainer start(String image, Path keyDir, int samePort, List<String> runArgs)
      throws Exception {
    Path key = keyDir.resolve("id_ed25519");
    if (!Files.exists(key)) {
      Docker.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()), 30);
    }
    String pub = Files.readString(keyDir.resolve("id_ed25519.pub")).trim();
    String name = "inertia-bootstrap-it-" + UUID.randomUUID().toString().substring(0, 8);
    int port = freePort();
    List<String> extra =
        samePort == 0 ? List.of() : List.of("-p", "127.0.0.1:" + samePort + ":" + samePort);
    List<String> cmd = new ArrayList<>(List.of("docker", "run", "-d"));
    cmd.addAll(extra);
    cmd.addAll(runArgs);
    Docker.ok(
        concat(cmd,
            "--name", name, "--hostname", "vps",
            "--label", "io.inertia.test=true",
            "--cap-add", "ALL", "--cap-drop", "SYS_RESOURCE",
            "--security-opt", "seccomp=unconfined", "--security-opt", "apparmor=unconfined",
            "--cgroupns", "private", "-v", "/var/lib/docker",
            "-p", "127.0.0.1:" + port + ":22",
            "-e", "SSH_AUTHORIZED_KEY=" + pub,
            image),
        120);
    VpsContainer vps = new VpsContainer(name, port, key);
    try {
      vps.awaitSsh();
    } catch (Exception e) {
      vps.close();
      throw e;
    }
    return vps;
  }

  SshTarget target(String user) {
    return new SshTarget("127.0.0.1", sshPort, user, privateKey, null);
  }

  /** {@code docker exec NAME sh -c CMD}; returns stdout, fails on a non-zero exit. */
  String exec(String shellCommand) throws Exception {
    return Docker.ok(List.of("docker", "exec", name, "sh", "-c", shellCommand), 120);
  }

  /** New host keys, then a restart (same published port): the server's identity changes. */
  void restartWithNewHostKeys() throws Exception {
    exec("rm -f /etc/ssh/ssh_host_*");
    Docker.ok(List.of("docker", "restart", "-t", "1", name), 120);
    awaitSsh();
  }

  private void awaitSsh() throws Exception {
    for (int i = 0; i < 150; i++) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", sshPort), 500);
        s.setSoTimeout(1000);
        byte[] banner = new byte[4];
        InputStream in = s.getInputStream();
        if (in.readNBytes(banner, 0, 4) == 4
            && new String(banner, StandardCharsets.US_ASCII).equals("SSH-")) {
          return;
        }
      } catch (IOException notYet) {
        // sshd not up yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("sshd of " + name + " did not answer within 30 s: " + logs());
  }

  String logs() {
    try {
      return Docker.run(List.of("docker", "logs", "--tail", "30", name), 30).output;
    } catch (Exception e) {
      return "(no logs: " + e + ")";
    }
  }

  @Override
  public void close() {
    try {
      Docker.run(List.of("docker", "rm", "-f", "-v", name), 120);
    } catch (Exception ignored) {
      // best effort; the label lets a sweeper find leftovers
    }
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Runs local commands (docker, ssh-keygen, ssh) with a bound. */
  static final class Docker {
    record Outcome(int exit, String output) {}

    static Outcome run(List<String> cmd, int timeoutSeconds) throws Exception {
      Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[][] holder = new byte[1][];
      Thread t =
          new Thread(
              () -> {
                try {
                  holder[0] = p.getInputStream().readAllBytes();
                } catch (IOException e) {
                  holder[0] = new byte[0];
                }
              });
      t.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + cmd);
      }
      t.join(5000);
      return new Outcome(
          p.exitValue(), holder[0] == null ? "" : new String(holder[0], StandardCharsets.UTF_8));
    }

    static String ok(List<String> cmd, int timeoutSeconds) throws Exception {
      Outcome o = run(cmd, timeoutSeconds);
      if (o.exit != 0) {
        throw new IllegalStateException(cmd + " failed (" + o.exit + "): " + o.output);
      }
      return o.output.trim();
    }
  }
}
