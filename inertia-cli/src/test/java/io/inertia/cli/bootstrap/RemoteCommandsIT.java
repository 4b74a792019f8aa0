package io.inertia.cli.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.cli.InertiaCli;
import io.inertia.cli.command.CliContext;
import io.inertia.cli.daemon.DaemonClient;
import io.inertia.common.config.Build;
import io.inertia.common.config.BuildType;
import io.inertia.common.config.ConfigFiles;
import io.inertia.common.config.DaemonConfig;
import io.inertia.common.config.Profile;
import io.inertia.common.config.ProjectConfig;
import io.inertia.common.config.RemoteConfig;
import io.inertia.common.config.RemotesConfig;
import io.inertia.common.config.SshConfig;
import io.inertia.common.tls.CertificateFingerprints;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-remote SSH commands through the real command tree ({@code InertiaCli.run}) with the
 * ServiceLoader-found {@link SshRemoteOperations}: init saves token and pin, and the pinned HTTPS
 * client then reaches the real daemon; token --ssh, send, upgrade and uninstall.
 */
class RemoteCommandsIT {

  @Test
  void initThenTalkToTheDaemonOverPinnedHttps(@TempDir Path tmp) throws Exception {
    try (DaemonImage daemon = DaemonImage.obtain(tmp)) {
      Assumptions.assumeFalse(daemon.standIn, "needs the real daemon image (branch daemon)");
      int daemonPort = VpsContainer.freePort();
      try (VpsContainer vps = VpsContainer.start(VpsContainer.IMAGE_WITH_DOCKER, tmp, daemonPort)) {
        Path global = Files.createDirectories(tmp.resolve("global"));
        // Under the process working directory: send only takes sources from inside it.
        Path project =
            Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-projects")), "p")
                .toAbsolutePath();
        ConfigFiles.saveProject(
            project.resolve("inertia.toml"),
            new ProjectConfig(
                daemon.version, "demo", "git@github.com:ubclaunchpad/inertia.git",
                List.of(new Profile("default", "main", new Build(BuildType.DOCKERFILE, "Dockerfile", List.of()), null))));
        ConfigFiles.saveRemotes(
            global.resolve("inertia.remotes"),
            RemotesConfig.empty()
                .withRemote(
                    new RemoteConfig(
                        daemon.version, "vps", "127.0.0.1",
                        new SshConfig("deploy", vps.privateKey.toString(), Integer.toString(vps.sshPort)),
                        new DaemonConfig(Integer.toString(daemonPort), "", "", "s3cret", false, ""),
                        Map.of())));
        Map<String, String> env = new HashMap<>();
        env.put("INERTIA_PATH", global.toString());
        env.put("HOME", tmp.resolve("home").toString());
        env.put("INERTIA_DEFAULT_GIT_HOSTS", "none"); // tests contact only their own containers

        Run init = run(env, project, "", "vps", "init");
        assertEquals(0, init.code, init.toString());
        assertTrue(init.out.contains("Step 4/4: Fetching daemon API token..."), init.out);
        RemoteConfig saved = ConfigFiles.loadRemotes(global.resolve("inertia.remotes")).remotes().get(0);
        assertEquals(3, saved.daemon().token().split("\\.").length, saved.daemon().token());
        assertTrue(saved.daemon().certFingerprint().startsWith(CertificateFingerprints.PREFIX));
        assertTrue(Files.readString(global.resolve("known_hosts")).startsWith("[127.0.0.1]:" + vps.sshPort + " "));

        // The pinned client reaches the daemon (token and pin are right); the daemon may need a moment.
        Run status = null;
        for (int i = 0; i < 30; i++) {
          status = run(env, project, "", "vps", "status");
          if (status.code == 0) {
            break;
          }
          Thread.sleep(1000);
        }
        assertEquals(0, status.code, status.toString());
        assertTrue(status.out.contains("is online"), status.out);

        Run token = run(env, project, "", "vps", "token", "--ssh");
        assertEquals(0, token.code, token.toString());
        assertEquals(saved.daemon().token(), token.out.trim());

        Files.writeString(project.resolve("app.env"), "X=1\n");
        Run send = run(env, project, "", "vps", "send", "app.env", "-d", "conf/app.env", "-p", "0600");
        assertEquals(0, send.code, send.toString());
        assertTrue(send.out.contains("/home/deploy/inertia/project/conf/app.env"), send.toString());
        assertEquals(
            "600 X=1",
            vps.exec("stat -c %a /home/deploy/inertia/project/conf/app.env; cat /home/deploy/inertia/project/conf/app.env")
                .replace('\n', ' ').trim());
        Run escape = run(env, project, "", "vps", "send", "app.env", "-d", "../../../etc/x");
        assertEquals(1, escape.code, escape.toString());
        assertTrue(escape.err.contains("leaves the project directory"), escape.err);

        Run sendImage = run(env, project, "", "vps", "send-image", daemon.image());
        assertEquals(0, sendImage.code, sendImage.toString());
        assertTrue(sendImage.out.contains("Loaded image: " + daemon.image()), sendImage.out);
        assertTrue(sendImage.out.contains("has been copied to remote 'vps'"), sendImage.out);
        Run noImage = run(env, project, "", "vps", "send-image", "inertia-it/none:0");
        assertEquals(1, noImage.code, noImage.toString());
        assertTrue(noImage.err.contains("is not in the local Docker engine"), noImage.err);

        Run upgrade = run(env, project, "", "vps", "upgrade");
        assertEquals(0, upgrade.code, upgrade.toString());
        assertTrue(upgrade.out.contains("Shutting down daemon..."), upgrade.out);
        assertTrue(upgrade.out.contains("Starting up the Inertia daemon (version " + daemon.version + ")"), upgrade.out);

        Run uninstall = run(env, project, "y\n", "vps", "uninstall");
        assertEquals(0, uninstall.code, uninstall.toString());
        assertTrue(uninstall.out.contains("Uninstallation completed."), uninstall.out);
        assertEquals("0", vps.exec("docker ps -aq --filter name=inertia-daemon | wc -l"));
      }
    }
  }

  private record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  private static Run run(Map<String, String> env, Path project, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        InertiaCli.run(
            args,
            new InertiaCli.Environment(
                env, project,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false,
                DaemonClient::new,
                () -> new SshRemoteOperations(env, Path.of(env.get("INERTIA_PATH"), "known_hosts"))));
    Run r = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    System.out.println("$ inertia " + String.join(" ", args) + "\n" + r);
    return r;
  }

  @Test
  void theServiceLoaderFindsTheSshLayer() {
    assertTrue(CliContext.serviceLoaderOperations().get() instanceof SshRemoteOperations);
  }
}
