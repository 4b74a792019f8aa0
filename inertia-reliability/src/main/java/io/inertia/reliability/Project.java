package io.inertia.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A deployable project: a git-over-SSH server container (the integration tests' {@code inertia-test-gitserver:1})
 * reached by the daemon on the bridge network, and a work tree that commits and pushes a Dockerfile app. The deploy
 * key is written where the daemon image looks for it ({@code ~/.ssh/id_rsa_inertia_deploy}) and the server's host key
 * into {@code ~/.ssh/known_hosts}, as the bootstrap does. The app has no EXPOSE (no host port): it is reached at its
 * container address. Its build sleeps a few seconds so a kill can land inside the build.
 */
public final class Project {
  static final String GIT_IMAGE = "inertia-test-gitserver:1";
  static final String BASE_IMAGE = "inertia-fixture-base:1";
  private static final Duration GIT = Duration.ofMinutes(2);

  private static final String SERVER =
      """
      import http.server
      STAMP = open("/app/stamp").read().strip()
      class H(http.server.BaseHTTPRequestHandler):
          def do_GET(self):
              body = (STAMP + "\\n").encode()
              self.send_response(200)
              self.send_header("Content-Length", str(len(body)))
              self.end_headers()
              self.wfile.write(body)
          def log_message(self, *a):
              pass
      http.server.ThreadingHTTPServer(("0.0.0.0", 8000), H).serve_forever()
      """;

  private static final String DOCKERFILE =
      """
      FROM inertia-fixture-base:1
      WORKDIR /app
      COPY server.py stamp /app/
      RUN sleep %d
      CMD ["python3", "-u", "/app/server.py"]
      """;

  public final String name;
  public final String gitContainer;
  public final String remote;
  private final Path work;
  private final Map<String, String> gitEnv;

  private Project(String name, String gitContainer, String remote, Path work, Map<String, String> gitEnv) {
    this.name = name;
    this.gitContainer = gitContainer;
    this.remote = remote;
    this.work = work;
    this.gitEnv = gitEnv;
  }

  /** Starts the git server, writes the deploy key and known_hosts under {@code home/.ssh}, prepares the work tree. */
  public static Project create(String name, String gitContainer, Path home, Path tmp) throws IOException {
    Path ssh = Files.createDirectories(home.resolve(".ssh"));
    Path key = ssh.resolve("id_rsa_inertia_deploy");
    Proc.check(null, Map.of(), GIT, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "inertia-deploy", "-f",
        key.toString());
    Proc.docker("run", "-d", "--name", gitContainer, "--label", "io.inertia.test=true",
        "-e", "AUTHORIZED_KEY=" + Files.readString(Path.of(key + ".pub")).strip(), GIT_IMAGE);
    String ip = Proc.docker("inspect", "-f", "{{.NetworkSettings.IPAddress}}", gitContainer);
    Path knownHosts = ssh.resolve("known_hosts");
    String scan = "";
    for (int i = 0; i < 100 && !scan.contains("ssh-ed25519"); i++) {
      scan = Proc.run(null, Map.of(), Duration.ofSeconds(10), java.util.List.of("ssh-keyscan", "-T", "2", ip)).out();
      if (!scan.contains("ssh-ed25519")) {
        Daemon.sleep(200);
      }
    }
    if (!scan.contains("ssh-ed25519")) {
      throw new IllegalStateException("the git server's sshd did not answer");
    }
    Files.writeString(knownHosts,
        String.join("\n", scan.lines().filter(l -> !l.startsWith("#")).toList()) + "\n");
    String remote = "ssh://git@" + ip + ":22/srv/app.git";
    Map<String, String> env = Map.of(
        "GIT_SSH_COMMAND", "ssh -i " + key + " -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=yes"
            + " -o UserKnownHostsFile=" + knownHosts,
        "GIT_AUTHOR_NAME", "reliability", "GIT_AUTHOR_EMAIL", "reliability@example.com",
        "GIT_COMMITTER_NAME", "reliability", "GIT_COMMITTER_EMAIL", "reliability@example.com");
    Path work = Files.createDirectories(tmp.resolve("work"));
    Proc.check(work, env, GIT, "git", "init", "-q", "-b", "main");
    Proc.check(work, env, GIT, "git", "remote", "add", "origin", remote);
    Files.writeString(work.resolve("server.py"), SERVER);
    return new Project(name, gitContainer, remote, work, env);
  }

  /** Commits an app that answers {@code stamp}, whose build sleeps {@code buildSeconds}; pushes; returns the hash. */
  public String commit(String stamp, int buildSeconds) throws IOException {
    Files.writeString(work.resolve("stamp"), stamp + "\n");
    Files.writeString(work.resolve("Dockerfile"), String.format(DOCKERFILE, buildSeconds));
    Proc.check(work, gitEnv, GIT, "git", "add", "-A");
    Proc.check(work, gitEnv, GIT, "git", "commit", "-q", "-m", "reliability " + stamp);
    Proc.check(work, gitEnv, GIT, "git", "push", "-q", "-f", "origin", "HEAD:refs/heads/main");
    return Proc.check(work, gitEnv, GIT, "git", "rev-parse", "HEAD");
  }

  /** The {@code POST /up} body for this project. */
  public Object upBody(boolean stream, String webhookSecret, String buildFilePath) {
    var body = Api.obj("stream", stream, "project", name, "build_type", "dockerfile",
        "git_options", Api.obj("remote", remote, "branch", "main"), "webhook_secret", webhookSecret);
    if (buildFilePath != null) {
      body.put("build_file_path", buildFilePath);
    }
    return body;
  }

  /** What the app answers now (its stamp), or a description of why it does not answer. */
  public String appAnswer() {
    Proc.Result ip = Proc.dockerQuiet("inspect", "-f", "{{.State.Running}} {{.NetworkSettings.IPAddress}}", name);
    if (!ip.ok()) {
      return "(no container " + name + ")";
    }
    String[] parts = ip.out().strip().split(" ");
    if (parts.length < 2 || !parts[0].equals("true")) {
      return "(container " + name + " not running)";
    }
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress(parts[1], 8000), 1000);
      s.setSoTimeout(2000);
      s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String reply = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      int body = reply.indexOf("\r\n\r\n");
      return body < 0 ? "(no body)" : reply.substring(body + 4).strip();
    } catch (IOException e) {
      return "(app does not answer: " + e.getMessage() + ")";
    }
  }

  /** True while the app's container runs. */
  public boolean running() {
    Proc.Result r = Proc.dockerQuiet("inspect", "-f", "{{.State.Running}}", name);
    return r.ok() && r.out().strip().equals("true");
  }

  /** Waits until the app answers {@code stamp}; returns what it answered last. */
  public String awaitApp(String stamp, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    String last = appAnswer();
    while (!last.equals(stamp) && System.nanoTime() < deadline) {
      Daemon.sleep(500);
      last = appAnswer();
    }
    return last;
  }

  /** Removes the app's containers and images and the git server (only what this project created). */
  public void remove() {
    Proc.Result ids = Proc.dockerQuiet("ps", "-aq", "--filter", "label=io.inertia.project=" + name);
    for (String id : ids.out().strip().split("\\s+")) {
      if (!id.isBlank()) {
        Proc.dockerQuiet("rm", "-f", "-v", id);
      }
    }
    Proc.Result images = Proc.dockerQuiet("images", "-q", "inertia-build/" + name);
    for (String id : images.out().strip().split("\\s+")) {
      if (!id.isBlank()) {
        Proc.dockerQuiet("rmi", "-f", id);
      }
    }
    Proc.dockerQuiet("rm", "-f", "-v", gitContainer);
  }
}
