package io.inertia.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.cli.InertiaCli;
import io.inertia.cli.bootstrap.SshRemoteOperations;
import io.inertia.cli.daemon.DaemonClient;
import io.inertia.common.Version;
import io.inertia.common.config.ConfigFiles;
import io.inertia.common.config.RemoteConfig;
import io.inertia.testenv.DockerCommands;
import io.inertia.testenv.Ec2TestEndpoint;
import io.inertia.testenv.Poll;
import io.inertia.testenv.TestVps;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code inertia provision ec2} for real, up to a deployed app: the AWS SDK talks to an EC2-compatible
 * endpoint this test starts ({@link Ec2TestEndpoint}, through {@code INERTIA_EC2_ENDPOINT}), whose
 * instances are test VPS containers that accept the key pair the endpoint generated; the command waits
 * for SSH, adds the remote and runs {@code init} (the real bootstrap, the real daemon image); then {@code
 * up} deploys the sample app from a git server container and the app answers with the commit, on the
 * address the endpoint reported. Needs {@code make images} and {@code make daemon-image}.
 */
class ProvisionEc2IT {
  private static final Path REPO_ROOT = DockerCommands.repositoryRoot();
  private static final Path APP_TEMPLATE = REPO_ROOT.resolve("test_env/demo/app");
  private static final Path DAEMON_TEST_RESOURCES = REPO_ROOT.resolve("inertia-daemon/src/test/resources");
  private static final String VPS_IMAGE = "inertia-testvps:debian-bookworm";
  private static final String BASE_IMAGE = "inertia-fixture-base:1";
  private static final String COMPOSE_IMAGE = "docker:26-cli";
  private static final String GIT_SERVER_IMAGE = "inertia-test-gitserver:1";
  private static final String KEY_ID = "AKIDPROVISIONIT";
  private static final Duration DOCKER = Duration.ofMinutes(5);

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void provisionAddsInitializesAndDeploys() throws Exception {
    DockerCommands.requireEngine();
    DockerCommands.ensureImage(VPS_IMAGE);
    String daemonImage = "ghcr.io/ubclaunchpad/inertiad:" + Version.current();
    assertTrue(DockerCommands.imageExists(daemonImage), daemonImage + " is missing: run `make daemon-image`");
    assertTrue(DockerCommands.imageExists(COMPOSE_IMAGE), COMPOSE_IMAGE + " is missing: run `make images`");
    for (Map.Entry<String, String> e : Map.of(BASE_IMAGE, "fixtures/base", GIT_SERVER_IMAGE, "gitserver").entrySet()) {
      if (!DockerCommands.imageExists(e.getKey())) {
        DockerCommands.check(Duration.ofMinutes(10), "build", "-q", "--label", DockerCommands.TEST_LABEL,
            "-t", e.getKey(), DAEMON_TEST_RESOURCES.resolve(e.getValue()).toString());
      }
    }
    Path tmp = Files.createTempDirectory("inertia-provision-it-");
    String gitServer = "inertia-parity-git-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, TestVps> vpses = new ConcurrentHashMap<>();
    Ec2TestEndpoint ec2 = Ec2TestEndpoint.start(KEY_ID, new Ec2TestEndpoint.Machines() {
      @Override
      public String launch(String instanceId, String publicKey) {
        TestVps vps = TestVps.start(VPS_IMAGE);
        vpses.put(instanceId, vps);
        // What EC2 does with the key pair: its public key becomes the login user's authorized key.
        vps.exec("printf '%s\\n' '" + publicKey + "' >> /root/.ssh/authorized_keys").check();
        return DockerCommands.check(DOCKER, "inspect", "-f", "{{.NetworkSettings.IPAddress}}", vps.containerName());
      }

      @Override
      public void terminate(String instanceId) {
        TestVps vps = vpses.remove(instanceId);
        if (vps != null) {
          vps.close();
        }
      }
    }, tmp);
    try {
      ec2.addImage("ami-0debian12", "debian-12-amd64-20261101-1234", "2026-11-01T00:00:00.000Z");

      // The git server and the app's repository.
      Path pusherKey = tmp.resolve("pusher_ed25519");
      exec(tmp, Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "pusher", "-f", pusherKey.toString());
      DockerCommands.check(DOCKER, "run", "-d", "--name", gitServer, "--label", DockerCommands.TEST_LABEL,
          "-e", "AUTHORIZED_KEY=" + Files.readString(Path.of(pusherKey + ".pub")).strip(), GIT_SERVER_IMAGE);
      String gitIp = DockerCommands.check(DOCKER, "inspect", "-f", "{{.NetworkSettings.IPAddress}}", gitServer);
      Path gitKnownHosts = tmp.resolve("git_known_hosts");
      Poll.every(Duration.ofMillis(200), Duration.ofSeconds(30)).until("sshd of the git server", () -> {
        String scan = exec(tmp, Map.of(), "ssh-keyscan", "-T", "2", gitIp);
        if (!scan.contains("ssh-ed25519")) {
          return false;
        }
        try {
          Files.writeString(gitKnownHosts, scan);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return true;
      });
      String gitUrl = "ssh://git@" + gitIp + ":22/srv/app.git";
      Map<String, String> gitEnv = Map.of(
          "GIT_SSH_COMMAND", "ssh -i " + pusherKey + " -o IdentitiesOnly=yes -o BatchMode=yes"
              + " -o StrictHostKeyChecking=yes -o UserKnownHostsFile=" + gitKnownHosts,
          "GIT_AUTHOR_NAME", "it", "GIT_AUTHOR_EMAIL", "it@example.com",
          "GIT_COMMITTER_NAME", "it", "GIT_COMMITTER_EMAIL", "it@example.com");
      Path repo = Files.createDirectories(tmp.resolve("app"));
      for (String f : List.of("Dockerfile", "docker-compose.yml", "server.py")) {
        Files.copy(APP_TEMPLATE.resolve(f), repo.resolve(f));
      }
      exec(repo, gitEnv, "git", "init", "-q", "-b", "main");
      exec(repo, gitEnv, "git", "remote", "add", "origin", gitUrl);
      exec(repo, gitEnv, "git", "add", "-A");
      exec(repo, gitEnv, "git", "commit", "-q", "-m", "first");
      exec(repo, gitEnv, "git", "push", "-q", "origin", "main");
      String commit = exec(repo, gitEnv, "git", "rev-parse", "HEAD").strip();

      Path home = Files.createDirectories(tmp.resolve("home"));
      Map<String, String> env = new HashMap<>(Map.of(
          "INERTIA_PATH", tmp.resolve("global").toString(),
          "HOME", home.toString(),
          "INERTIA_GIT_HOSTS", gitIp,
          "INERTIA_DEFAULT_GIT_HOSTS", "none",
          "INERTIA_EC2_ENDPOINT", ec2.url(),
          "AWS_ACCESS_KEY_ID", KEY_ID,
          "AWS_SECRET_ACCESS_KEY", "it-secret"));
      ok(repo, env, "", "init", "--global");
      ok(repo, env, "\n", "init", "app");

      // provision ec2: key pair, security group, instance (a VPS container), SSH, remote add, init.
      String out = ok(repo, env, "", "provision", "ec2", "box", "--from-env", "--region", "us-test-1",
          "-u", "root", "-p", "8000");
      for (int step = 1; step <= 4; step++) {
        assertTrue(out.contains("Step " + step + "/4"), out);
      }
      assertEquals(1, vpses.size());
      String vpsIp = DockerCommands.check(DOCKER, "inspect", "-f", "{{.NetworkSettings.IPAddress}}",
          vpses.values().iterator().next().containerName());
      RemoteConfig remote = ConfigFiles.loadRemotes(tmp.resolve("global/inertia.remotes")).remote("box").orElseThrow();
      assertEquals(vpsIp, remote.ip());
      assertEquals("root", remote.ssh().user());
      assertEquals("4303", remote.daemon().port());
      assertTrue(remote.daemon().certFingerprint().startsWith("SHA256:"), "pinned by init");
      assertTrue(!remote.daemon().token().isEmpty(), "token saved");
      Path key = Path.of(remote.ssh().identityFile());
      assertEquals(home.resolve(".ssh"), key.getParent());
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
      assertEquals(List.of(22, 4303, 8000),
          Ec2TestEndpoint.openedPorts(ec2.calls("AuthorizeSecurityGroupIngress").get(0)));
      assertEquals("ami-0debian12", ec2.calls("RunInstances").get(0).get("ImageId"));
      assertEquals(1, ec2.keyPairNames().size());
      assertEquals(1, ec2.securityGroupIds().size());
      assertEquals(1, ec2.liveInstances().size());

      // The deploy key goes to the git server; the app's base image is sent (no registry).
      Matcher deployKey = Pattern.compile("(?m)^(ssh-(?:ed25519|rsa) \\S+.*)$").matcher(out);
      assertTrue(deployKey.find(), "no deploy key printed:\n" + out);
      DockerCommands.check(DOCKER, "exec", gitServer, "sh", "-c",
          "printf '%s\\n' \"$1\" >> /home/git/.ssh/authorized_keys", "sh", deployKey.group(1).strip());
      ok(repo, env, "", "box", "send-image", BASE_IMAGE);
      // The compose runner was put on the VPS by init (sent over SSH: this machine has it, no registry).
      assertTrue(out.contains("Making sure the compose runner image " + COMPOSE_IMAGE + " is on the remote"), out);
      assertTrue(out.contains("Sent " + COMPOSE_IMAGE), out);
      String up = ok(repo, env, "", "box", "up");
      assertTrue(up.contains("[success 201]"), up);

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      URI app = URI.create("http://" + vpsIp + ":8000/");
      String[] last = {""};
      Poll.every(Duration.ofMillis(500), Duration.ofSeconds(90)).until("the app at " + app, () -> {
        try {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(app).timeout(Duration.ofSeconds(3)).build(),
              HttpResponse.BodyHandlers.ofString());
          last[0] = r.statusCode() + " " + r.body().strip();
          return r.statusCode() == 200 && r.body().strip().equals(commit);
        } catch (IOException e) {
          last[0] = e.toString();
          return false;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      });
    } finally {
      ec2.close();
      vpses.values().forEach(TestVps::close);
      DockerCommands.run(DOCKER, "rm", "-f", "-v", gitServer);
      try (Stream<Path> walk = Files.walk(tmp)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String ok(Path dir, Map<String, String> env, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = InertiaCli.run(args, new InertiaCli.Environment(
        env, dir, new ByteArrayInputStream(stdin.getBytes(UTF_8)),
        new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), false,
        DaemonClient::new,
        () -> new SshRemoteOperations(env, Path.of(env.get("INERTIA_PATH"), "known_hosts"))));
    String text = out.toString(UTF_8);
    System.out.printf("$ inertia %s%n%s--- err%n%s%n", String.join(" ", args), text, err.toString(UTF_8));
    assertEquals(0, code, "inertia " + String.join(" ", args) + "\n" + text + err.toString(UTF_8));
    return text;
  }

  private static String exec(Path dir, Map<String, String> env, String... command) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().putAll(env);
    DockerCommands.Result r = DockerCommands.execute(pb, Duration.ofMinutes(2), String.join(" ", command));
    if (!r.ok()) {
      throw new IllegalStateException(String.join(" ", command) + " exited " + r.exitCode() + ": " + r.stderr());
    }
    return r.stdout();
  }
}
