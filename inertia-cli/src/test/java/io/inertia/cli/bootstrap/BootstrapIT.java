package io.inertia.cli.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.cli.ssh.ExecResult;
import io.inertia.cli.ssh.RemoteShell;
import io.inertia.cli.ssh.SshjRemoteShell;
import io.inertia.cli.ssh.SystemSsh;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bootstrap against real test VPS containers (sshd, nested Docker): Docker preinstalled
 * (root) and not installed (sudo user, step 1 installs docker.io with apt over SSH).
 */
class BootstrapIT {
  private static final Duration CMD = Duration.ofSeconds(60);
  private static final String SECRET = "webhook-secret-it";

  @TempDir static Path work;
  static DaemonImage daemon;

  @BeforeAll
  static void daemonImage() throws Exception {
    daemon = DaemonImage.obtain(work);
    System.out.println("daemon image: " + daemon.image() + (daemon.standIn ? " (stand-in)" : ""));
  }

  @AfterAll
  static void removeDaemonImage() {
    if (daemon != null) {
      daemon.close();
    }
  }

  private static BootstrapSettings settings(String extraGitHosts) {
    return new BootstrapSettings(
        "it", "127.0.0.1", daemon.version, "4303", SECRET,
        "git@github.com:ubclaunchpad/inertia.git",
        // No default public git hosts: tests reach only loopback and their own containers.
        BootstrapSettings.gitHosts("none", extraGitHosts), false);
  }

  @Test
  void initOnDebianWithDockerAsRootIsIdempotentAndLifecycleWorks(@TempDir Path tmp) throws Exception {
    try (VpsContainer vps = VpsContainer.start(VpsContainer.IMAGE_WITH_DOCKER, tmp);
        RemoteShell shell = SshjRemoteShell.connect(vps.target("root"), tmp.resolve("known_hosts"))) {
      CollectingOutput out = new CollectingOutput();
      Bootstrap bootstrap = new Bootstrap(shell, out);

      // An unreachable git host (nothing listens on port 1 in the VPS) is skipped with a message, not a failure.
      Bootstrap.Result first = bootstrap.init(settings("127.0.0.1:1"));
      report("debian-bookworm root, first init", first);
      String text = out.text();
      assertInOrder(
          text,
          "Setting up remote 'it' at 127.0.0.1",
          ":whale: Step 1/4: Installing docker...",
          "Docker installation detected - skipping install",
          "dockerd is online",
          ":hammer_and_wrench: Step 2/4: Building deploy key...",
          "known_hosts: could not reach [127.0.0.1]:1",
          ":robot: Step 3/4: Starting daemon...",
          "Sending " + daemon.image() + " over SSH...",
          "Running daemon on port 4303",
          ":lock: Step 4/4: Fetching daemon API token...",
          "Inertia has been set up and daemon is running on remote!",
          ":star: GitHub Deploy Key (add to https://github.com/ubclaunchpad/inertia/settings/keys/new):",
          first.deployKey(),
          ":globe_with_meridians: Address:  https://127.0.0.1:4303/webhook",
          ":key: Secret:   " + SECRET,
          "Then run 'inertia it up' to deploy your application!");
      assertFalse(text.contains("Your identification has been saved"), "no ssh-keygen chatter");
      assertTrue(first.deployKey().matches("ssh-ed25519 \\S+ inertia-deploy-key"), first.deployKey());
      assertJwt(first.token());
      if (daemon.standIn) {
        assertEquals(DaemonCertificates.fingerprint(daemon.standInCertificate), first.certFingerprint());
      }
      assertDaemonSpec(shell, "/root");

      // Second init: same key, same token, one daemon, image not sent again.
      out.clear();
      Bootstrap.Result second = bootstrap.init(settings(null));
      report("debian-bookworm root, second init", second);
      assertTrue(out.text().contains("Putting existing Inertia daemon to sleep"));
      assertTrue(out.text().contains("Using " + daemon.image() + " already present on the remote"));
      assertTrue(out.text().contains("Using the existing deploy key"));
      assertEquals(first.deployKey(), second.deployKey());
      assertEquals(first.token(), second.token());
      assertEquals(first.certFingerprint(), second.certFingerprint());
      assertEquals(
          "1",
          shell.run("docker ps -a -q --filter name=inertia-daemon | wc -l", CMD).stdoutText());

      // Image delivery: forced transfer although present; an image nobody has ends in docker pull,
      // which fails here (no registry) with the step, the remote's words and a hint.
      out.clear();
      bootstrap.deliverImage("Step 3/4 (start daemon)", daemon.image(), true);
      assertTrue(out.text().contains("Sending " + daemon.image() + " over SSH..."), out.text());
      BootstrapException pull =
          assertThrows(
              BootstrapException.class,
              () -> bootstrap.deliverImage("Step 3/4 (start daemon)", "ghcr.io/ubclaunchpad/inertiad:v0.0.0-none", false));
      System.out.println(pull.getMessage());
      assertTrue(out.text().contains("Downloading ghcr.io/ubclaunchpad/inertiad:v0.0.0-none"), out.text());
      assertTrue(pull.getMessage().startsWith("Step 3/4 (start daemon) failed: the image"), pull.getMessage());
      assertTrue(pull.getMessage().contains("The remote said:"), pull.getMessage());
      assertTrue(pull.getMessage().contains("Build or pull the image locally"), pull.getMessage());

      // token --ssh
      assertEquals(first.token(), bootstrap.token(daemon.image()));

      // Upgrade to the same version: the daemon restarts, data stays.
      String before = shell.run("docker inspect --format '{{.Id}}' inertia-daemon", CMD).stdoutText();
      assertEquals(first.certFingerprint(), bootstrap.upgrade(settings(null)));
      String after = shell.run("docker inspect --format '{{.Id}}' inertia-daemon", CMD).stdoutText();
      assertNotEquals(before, after);
      assertEquals(first.token(), bootstrap.token(daemon.image()));

      // send: into ~/inertia/project with permissions; escapes refused before any remote call.
      Path project = Files.createDirectories(tmp.resolve("project"));
      Files.writeString(project.resolve(".env"), "A=1\nB='two words'\n");
      String written =
          ProjectFiles.send(
              shell, ProjectFiles.resolveSource(project, ".env"), "config/.env", "0640");
      assertEquals("/root/inertia/project/config/.env", written);
      assertEquals(
          "640 A=1 B='two words'",
          shell.run("stat -c %a ~/inertia/project/config/.env; cat ~/inertia/project/config/.env", CMD)
              .stdoutText().replace('\n', ' '));
      assertThrows(
          IllegalArgumentException.class,
          () -> ProjectFiles.send(shell, project.resolve(".env"), "../../etc/passwd", "0644"));

      // The system ssh uses the same known_hosts with strict checking.
      List<String> argv =
          new ArrayList<>(SystemSsh.commandLine(vps.target("root"), tmp.resolve("known_hosts"), List.of()));
      argv.add(1, "-o");
      argv.add(2, "BatchMode=yes");
      argv.add("echo ssh-ok");
      VpsContainer.Docker.Outcome ssh = VpsContainer.Docker.run(argv, 30);
      assertEquals(0, ssh.exit(), ssh.output());
      assertTrue(ssh.output().contains("ssh-ok"), ssh.output());

      // Uninstall: container and directories gone, Docker and deploy key stay.
      bootstrap.uninstall();
      assertEquals("0", shell.run("docker ps -a -q --filter name=inertia-daemon | wc -l", CMD).stdoutText());
      assertEquals(
          "gone key",
          shell.run(
                  "[ -e ~/inertia ] || [ -e ~/.inertia ] || echo gone; [ -f ~/.ssh/id_rsa_inertia_deploy ] && echo key",
                  CMD)
              .stdoutText().replace('\n', ' '));

      if (!daemon.standIn) {
        // A daemon that cannot start (a certificate without its key) is reported with its own words.
        shell.run("mkdir -p ~/.inertia/ssl && echo junk > ~/.inertia/ssl/daemon.cert", CMD);
        BootstrapException crash =
            assertThrows(BootstrapException.class, () -> bootstrap.init(settings(null)));
        System.out.println(crash.getMessage());
        assertTrue(crash.getMessage().startsWith("Step 3/4 (start daemon) failed: the daemon container stopped"), crash.getMessage());
        assertTrue(crash.getMessage().contains("daemon.key"), crash.getMessage());
        assertTrue(crash.getMessage().contains("See 'docker logs inertia-daemon' on the VPS."), crash.getMessage());
        bootstrap.uninstall();
      }
    }
  }

  @Test
  void initWithoutDockerAsSudoUserInstallsDockerIo(@TempDir Path tmp) throws Exception {
    try (VpsContainer vps = VpsContainer.start(VpsContainer.IMAGE_WITHOUT_DOCKER, tmp);
        RemoteShell shell = SshjRemoteShell.connect(vps.target("deploy"), tmp.resolve("known_hosts"))) {
      assertEquals("sudo -n ", shell.sudo());
      assertFalse(shell.run("command -v docker", CMD).ok(), "the image must start without Docker");
      CollectingOutput out = new CollectingOutput();
      Bootstrap bootstrap = new Bootstrap(shell, out);

      Bootstrap.Result first = bootstrap.init(settings("[127.0.0.1]:22"));
      report("debian-trixie no Docker, user deploy, first init", first);
      assertInOrder(
          out.text(),
          "Installing docker...",
          "dockerd is online",
          "Docker installation complete",
          "known_hosts: added 127.0.0.1",
          "Running daemon on port 4303");
      assertJwt(first.token());
      assertDaemonSpec(shell, "/home/deploy");
      // the extra git host was scanned into the deploy user's known_hosts
      assertTrue(shell.run("ssh-keygen -F 127.0.0.1 -f ~/.ssh/known_hosts", CMD).ok());

      // dockerd stopped (a rebooted VPS without an init system): step 1 starts it again.
      vps.exec("pkill dockerd; for i in $(seq 1 100); do pgrep -x dockerd >/dev/null || exit 0; sleep 0.2; done; exit 1");
      out.clear();
      Bootstrap.Result second = bootstrap.init(settings("[127.0.0.1]:22"));
      report("debian-trixie user deploy, second init", second);
      assertInOrder(
          out.text(),
          "Docker installation detected - skipping install",
          "dockerd is online",
          "Docker installation complete");
      assertTrue(out.text().contains("known_hosts: 127.0.0.1 already present"));
      assertEquals(first.deployKey(), second.deployKey());
      assertEquals(first.token(), second.token());
      assertEquals(
          "1",
          shell.run("sudo -n docker ps -a -q --filter name=inertia-daemon | wc -l", CMD).stdoutText());
    }
  }

  @Test
  void stepOneStartsAStoppedDockerServiceThroughSystemd(@TempDir Path tmp) throws Exception {
    Assumptions.assumeTrue(
        new ImageTransfer().localImageId(VpsContainer.IMAGE_SYSTEMD).isPresent(),
        "needs " + VpsContainer.IMAGE_SYSTEMD + " (test_env/images.sh)");
    try (VpsContainer vps = VpsContainer.start(VpsContainer.IMAGE_SYSTEMD, tmp)) {
      // systemd boots after sshd answers: wait for it, then stop Docker as a reboot without it would.
      vps.exec(
          "for i in $(seq 1 150); do s=$(systemctl is-system-running 2>/dev/null); case $s in running|degraded) break;; esac; sleep 0.2; done;"
              + " systemctl stop docker.socket docker.service; ! systemctl is-active --quiet docker");
      try (RemoteShell shell = SshjRemoteShell.connect(vps.target("deploy"), tmp.resolve("known_hosts"))) {
        CollectingOutput out = new CollectingOutput();
        long t = System.nanoTime();
        new Bootstrap(shell, out).installDocker();
        System.out.printf("TIMING debian-bookworm-systemd step 1 (start docker.service): %d ms%n", (System.nanoTime() - t) / 1_000_000);
        assertInOrder(out.text(), "Docker installation detected - skipping install", "dockerd is online");
        assertEquals("active", vps.exec("systemctl is-active docker"));
        assertFalse(shell.run("test -e /var/log/dockerd.log", CMD).ok(), "started by systemd, not by nohup");
      }
    }
  }

  @Test
  void aUserWithoutSudoGetsAClearMessage(@TempDir Path tmp) throws Exception {
    try (VpsContainer vps = VpsContainer.start(VpsContainer.IMAGE_WITHOUT_DOCKER, tmp)) {
      vps.exec(
          "useradd -m -s /bin/bash nosudo && install -d -m 700 -o nosudo -g nosudo /home/nosudo/.ssh"
              + " && cp /root/.ssh/authorized_keys /home/nosudo/.ssh/ && chown nosudo: /home/nosudo/.ssh/authorized_keys");
      try (RemoteShell shell = SshjRemoteShell.connect(vps.target("nosudo"), tmp.resolve("known_hosts"))) {
        BootstrapException e =
            assertThrows(
                BootstrapException.class,
                () -> new Bootstrap(shell, BootstrapOutput.silent()).init(settings(null)));
        System.out.println(e.getMessage());
        assertTrue(e.getMessage().startsWith("Setup failed: user 'nosudo' cannot run sudo without a password"));
        assertTrue(e.getMessage().contains("sudo: a password is required"), e.getMessage());
        assertTrue(e.getMessage().contains("NOPASSWD"), e.getMessage());
      }
    }
  }

  private static void assertDaemonSpec(RemoteShell shell, String home) throws Exception {
    String sudo = shell.sudo();
    ExecResult r =
        shell.run(
            sudo
                + "docker inspect --format '{{.Name}}|{{.HostConfig.RestartPolicy.Name}}|{{.State.Running}}|"
                + "{{.Config.Image}}|{{json .Config.Cmd}}|{{json .HostConfig.PortBindings}}|"
                + "{{json .HostConfig.Binds}}|{{json .Config.Env}}' inertia-daemon",
            CMD);
    assertTrue(r.ok(), String.join("\n", r.stderr()));
    String[] f = r.stdoutText().split("\\|");
    assertEquals("/inertia-daemon", f[0]);
    assertEquals("unless-stopped", f[1]);
    assertEquals("true", f[2]);
    assertEquals(daemon.image(), f[3]);
    assertEquals("[\"127.0.0.1\"]", f[4]);
    assertEquals("{\"4303/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"4303\"}]}", f[5]);
    // Binds come back in no fixed order.
    assertEquals(
        java.util.Set.of("\"/var/run/docker.sock:/var/run/docker.sock\"", "\"" + home + ":/app/host\""),
        java.util.Set.of(f[6].substring(1, f[6].length() - 1).split(",")));
    assertTrue(f[7].contains("\"HOME=" + home + "\""), f[7]);
    assertTrue(f[7].contains("\"SSH_KNOWN_HOSTS=/app/host/.ssh/known_hosts\""), f[7]);
    // The webhook secret is on no command line and in no environment value: only in a 0600 file.
    assertTrue(f[7].contains("\"INERTIA_WEBHOOK_SECRET_FILE=/app/host/.inertia/webhook.secret\""), f[7]);
    assertFalse(r.stdoutText().contains(SECRET), r.stdoutText());
    assertEquals(
        "600 " + SECRET,
        shell.run("stat -c %a ~/.inertia/webhook.secret && cat ~/.inertia/webhook.secret", CMD)
            .stdoutText()
            .replace("\n", " ")
            .trim());
    assertEquals(
        "ok",
        shell.run(
                "[ -d ~/inertia/project ] && [ -d ~/inertia/data ] && [ -d ~/inertia/persist ]"
                    + " && [ -d ~/.inertia/ssl ] && echo ok",
                CMD)
            .stdoutText());
  }

  private static void assertJwt(String token) {
    String[] parts = token.split("\\.", -1);
    assertEquals(3, parts.length, token);
    for (String p : parts) {
      assertTrue(p.matches("[A-Za-z0-9_-]+"), token);
    }
  }

  private static void assertInOrder(String text, String... expected) {
    int from = 0;
    for (String e : expected) {
      int at = text.indexOf(e, from);
      assertTrue(at >= 0, "expected '" + e + "' after position " + from + " in:\n" + text);
      from = at + e.length();
    }
  }

  private static void report(String what, Bootstrap.Result r) {
    StringBuilder b = new StringBuilder("TIMING ").append(what).append(':');
    long total = 0;
    for (Map.Entry<String, Duration> e : r.stepTimes().entrySet()) {
      b.append(' ').append(e.getKey()).append('=').append(e.getValue().toMillis()).append("ms");
      if (!e.getKey().equals("image")) {
        total += e.getValue().toMillis();
      }
    }
    System.out.println(b.append(" total=").append(total).append("ms"));
  }
}
