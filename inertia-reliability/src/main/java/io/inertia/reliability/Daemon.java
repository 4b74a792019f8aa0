package io.inertia.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The daemon container, run as the bootstrap runs it: the image's own entrypoint ({@code inertiad run <host>}), the
 * Docker socket, the user's home mounted at {@code /app/host} with {@code HOME} set to its host path, and the SSH
 * known_hosts under it. Differences: our own name, the test label, a random loopback host port, no restart policy
 * (the suite restarts it itself after a kill).
 */
public final class Daemon {
  private final String image;
  private final String name;
  private final Path home;
  private final String webhookSecret;
  private volatile Http.Target target;

  public Daemon(String image, String name, Path home, String webhookSecret) {
    this.image = image;
    this.name = name;
    this.home = home;
    this.webhookSecret = webhookSecret;
  }

  public String name() {
    return name;
  }

  public Path home() {
    return home;
  }

  public Http.Target target() {
    return target;
  }

  /**
   * docker run -d …; then waits for the first HTTPS answer. The webhook secret goes in a 0600 file named by {@code
   * INERTIA_WEBHOOK_SECRET_FILE}, as the bootstrap passes it (a daemon that does not know that variable gets the
   * secret from each {@code POST /up} instead).
   */
  public void start() throws IOException {
    Path secretFile = Files.createDirectories(home.resolve(".inertia")).resolve("webhook.secret");
    Files.writeString(secretFile, webhookSecret + "\n");
    Files.setPosixFilePermissions(secretFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    Proc.docker(
        "run", "-d", "--name", name, "--label", "io.inertia.test=true",
        "-p", "127.0.0.1::4303",
        "-v", "/var/run/docker.sock:/var/run/docker.sock",
        "-v", home + ":/app/host",
        "-e", "HOME=" + home,
        "-e", "SSH_KNOWN_HOSTS=/app/host/.ssh/known_hosts",
        "-e", "INERTIA_WEBHOOK_SECRET_FILE=/app/host/.inertia/webhook.secret",
        image, "127.0.0.1");
    awaitReady(Duration.ofSeconds(60));
  }

  /** kill -9 of the daemon's process (PID 1 of the container); returns once the container has stopped. */
  public void kill() {
    Proc.dockerQuiet("kill", "-s", "KILL", name);
    for (int i = 0; i < 100 && running(); i++) {
      sleep(100);
    }
  }

  /** docker start after a kill; waits for HTTPS. */
  public void startAgain() {
    Proc.docker("start", name);
    awaitReady(Duration.ofSeconds(60));
  }

  /** docker restart -t 10 (a clean stop, then start). */
  public void restart() {
    Proc.docker("restart", "-t", "10", name);
    awaitReady(Duration.ofSeconds(60));
  }

  public boolean running() {
    Proc.Result r = Proc.dockerQuiet("inspect", "-f", "{{.State.Running}}", name);
    return r.ok() && r.out().strip().equals("true");
  }

  /** The master token, from {@code inertiad token} in a second container over the same home (as token.sh does). */
  public String masterToken() {
    return Proc.docker(
        "run", "--rm", "--label", "io.inertia.test=true", "-v", home + ":/app/host", "-e", "HOME=" + home,
        "-e", "SSH_KNOWN_HOSTS=/app/host/.ssh/known_hosts", "--entrypoint", "inertiad", image, "token")
        .lines().reduce((a, b) -> b).orElse("").strip();
  }

  /** The container's address on the default bridge (for clients in other containers). */
  public String bridgeIp() {
    return Proc.docker("inspect", "-f", "{{.NetworkSettings.IPAddress}}", name);
  }

  /** Anonymous resident memory of the daemon's JVM (PID 1 of the container) in MiB, or -1 when unreadable. */
  public double rssAnonMiB() {
    Proc.Result pid = Proc.dockerQuiet("inspect", "-f", "{{.State.Pid}}", name);
    if (!pid.ok() || pid.out().strip().equals("0")) {
      return -1;
    }
    return rssAnonMiB(pid.out().strip());
  }

  static double rssAnonMiB(String pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
        if (line.startsWith("RssAnon:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  public String pid() {
    return Proc.docker("inspect", "-f", "{{.State.Pid}}", name);
  }

  /** Everything the container printed, over all its starts. */
  public String logs() {
    return Proc.dockerQuiet("logs", name).out();
  }

  public void remove() {
    Proc.dockerQuiet("rm", "-f", "-v", name);
  }

  private void awaitReady(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    Path cert = home.resolve(".inertia/ssl/daemon.cert");
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        if (Files.isRegularFile(cert)) {
          String port = Proc.docker("port", name, "4303/tcp").lines().findFirst().orElse("");
          int colon = port.lastIndexOf(':');
          Http.Target t = new Http.Target("127.0.0.1", Integer.parseInt(port.substring(colon + 1)), tls(cert));
          try (Http.Conn c = Http.Conn.open(t, 2000)) {
            Http.Response r = c.exchange(Http.request("GET", "/", List.of(), null, true), false);
            if (r.status() == 200) {
              target = t;
              return;
            }
            last = "GET / answered " + r.status();
          }
        }
      } catch (IOException | RuntimeException e) {
        last = String.valueOf(e.getMessage());
      }
      if (!running()) {
        throw new IllegalStateException("daemon container stopped:\n" + tail(logs(), 30));
      }
      sleep(200);
    }
    throw new IllegalStateException("daemon did not answer HTTPS within " + max.toSeconds() + " s: " + last);
  }

  static String tail(String text, int lines) {
    List<String> all = text.lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** A TLS context trusting exactly the daemon's certificate. */
  static javax.net.ssl.SSLSocketFactory tls(Path certFile) {
    try (InputStream in = Files.newInputStream(certFile)) {
      X509Certificate cert =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      ks.setCertificateEntry("daemon", cert);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx.getSocketFactory();
    } catch (Exception e) {
      throw new IllegalStateException("cannot load " + certFile + ": " + e.getMessage(), e);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
