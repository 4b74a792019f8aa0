package io.inertia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.cli.command.RemoteOperations;
import io.inertia.cli.output.Console;
import io.inertia.common.api.DeploymentStatus;
import io.inertia.common.api.UpRequest;
import io.inertia.common.config.ConfigFiles;
import io.inertia.common.config.DaemonConfig;
import io.inertia.common.config.ProjectConfig;
import io.inertia.common.config.RemoteConfig;
import io.inertia.common.config.RemotesConfig;
import io.inertia.common.config.SshConfig;
import io.inertia.common.tls.CertificateFingerprints;
import io.inertia.daemon.DaemonRuntime;
import io.inertia.daemon.http.DaemonServer;
import io.inertia.daemon.settings.DaemonSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user switching from the original meets with the files the original wrote: remotes without a
 * pinned certificate, the original's daemon version, {@code ssh <command>}, profiles of unknown build
 * type. Against a real daemon on HTTPS port 0; the SSH layer is a recording stand-in.
 */
class SwitchingCommandsTest {
  @TempDir Path tmp;
  CliRunner cli;
  DaemonRuntime runtime;
  DaemonServer server;
  DeployRoutes deploy;
  String fingerprint;
  final List<String> calls = new CopyOnWriteArrayList<>();
  String certificateOverSsh;
  final List<Map<String, String>> settingsSeen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    deploy = new DeployRoutes();
    runtime = new DaemonRuntime(DaemonSettings.under(tmp.resolve("daemon")), "127.0.0.1", "127.0.0.1", 0,
        Clock.systemUTC());
    server = runtime.start(List.of(deploy), () -> new DeploymentStatus("main", "abcdef1234567890", "fix",
        "dockerfile", List.of("/demo"), false, "v0.8.0", null));
    fingerprint = CertificateFingerprints.sha256(runtime.tls().chain()[0]);
    certificateOverSsh = fingerprint;
    cli = new CliRunner(tmp);
    cli.operations = new Recording();
    Files.writeString(cli.projectDir.resolve("inertia.toml"), """
        version = "v0.7.0"
        name = "demo"
        url = "https://github.com/me/demo.git"

        [[profile]]
          name = "default"
          branch = "main"
          [profile.build]
            type = ""
            buildfile = "docker-compose.yml"
        """);
  }

  @AfterEach
  void stop() {
    deploy.streamMayClose.countDown();
    runtime.close();
  }

  /** A remote as the original writes it: its version, no certificate pin, verify-ssl false. */
  private void originalRemote(String name, boolean withSsh) {
    RemoteConfig r = new RemoteConfig("v0.7.0", name, "127.0.0.1",
        withSsh ? new SshConfig("root", "/keys/id", "22") : null,
        new DaemonConfig(String.valueOf(server.port()), runtime.tokens().masterToken(), "", "hook-secret",
            false, ""), Map.of());
    RemotesConfig current = Files.exists(cli.remotesFile()) ? ConfigFiles.loadRemotes(cli.remotesFile())
        : RemotesConfig.empty();
    ConfigFiles.saveRemotes(cli.remotesFile(), current.withRemote(r));
  }

  private RemoteConfig saved(String name) {
    return ConfigFiles.loadRemotes(cli.remotesFile()).remote(name).orElseThrow();
  }

  @Test
  void remoteWithSshIsPinnedOverSshOnTheFirstDaemonCommand() {
    originalRemote("prod", true);
    CliRunner.Result r = cli.run("prod", "status");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("Pinned " + fingerprint + " for remote 'prod'"), r.toString());
    assertEquals(fingerprint, saved("prod").daemon().certFingerprint());
    assertEquals(List.of("certificate prod"), calls);
    r = cli.run("prod", "status");
    assertEquals(0, r.code(), r.toString());
    assertEquals(1, calls.size(), "pinned once");
  }

  @Test
  void certificateOverSshThatTheDaemonDoesNotServeIsRefused() {
    originalRemote("prod", true);
    certificateOverSsh = "SHA256:" + "AB:".repeat(31) + "AB";
    CliRunner.Result r = cli.run("prod", "status");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("serves a certificate with fingerprint " + fingerprint), r.toString());
    assertEquals("", saved("prod").daemon().certFingerprint());
  }

  @Test
  void remoteWithoutSshIsPinnedByPinAfterConfirmationOrYes() {
    originalRemote("team", false);
    CliRunner.Result r = cli.run("team", "status");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("inertia remote pin team"), r.toString());

    r = cli.input("n\n", "remote", "pin", "team");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains(fingerprint), "shown before asking: " + r);
    assertEquals("", saved("team").daemon().certFingerprint());

    r = cli.input("y\n", "remote", "pin", "team");
    assertEquals(0, r.code(), r.toString());
    assertEquals(fingerprint, saved("team").daemon().certFingerprint());
    assertEquals(0, cli.run("team", "status").code());

    originalRemote("ci", false);
    r = cli.run("remote", "pin", "ci", "--yes");
    assertEquals(0, r.code(), r.toString());
    assertEquals(fingerprint, saved("ci").daemon().certFingerprint());

    originalRemote("given", false);
    r = cli.run("remote", "pin", "given", "--daemon.cert-fingerprint", "SHA256:" + "01:".repeat(31) + "01");
    assertEquals(1, r.code(), r.toString());
    assertEquals("", saved("given").daemon().certFingerprint());
    r = cli.run("remote", "pin", "given", "--daemon.cert-fingerprint", fingerprint);
    assertEquals(0, r.code(), r.toString());
    assertEquals(fingerprint, saved("given").daemon().certFingerprint());
    assertTrue(calls.isEmpty(), "no SSH for remotes without SSH settings: " + calls);
  }

  @Test
  void originalDaemonVersionIsReplacedByThisOneAtInitAndUpgrade() {
    originalRemote("prod", true);
    CliRunner.Result r = cli.run("prod", "init");
    assertEquals(0, r.code(), r.toString());
    String current = io.inertia.common.Version.current();
    assertEquals(List.of("init " + current), calls);
    assertEquals(current, saved("prod").version());
    assertEquals(1, count(r.err(), "original Inertia daemon"), r.toString());

    originalRemote("old", true);
    calls.clear();
    r = cli.run("old", "upgrade");
    assertEquals(0, r.code(), r.toString());
    assertEquals(List.of("upgrade " + current), calls);
    assertEquals(current, saved("old").version());

    calls.clear();
    r = cli.run("old", "upgrade", "--version", "v0.7.0");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("a daemon of the original Inertia"), r.toString());
    assertTrue(calls.isEmpty());
    r = cli.run("old", "upgrade", "--version", "v0.8.5");
    assertEquals(0, r.code(), r.toString());
    assertEquals(List.of("upgrade v0.8.5"), calls);
  }

  @Test
  void daemonSettingsAreFlagsOfInitAndUpgradeRememberedAndShownByStatus() throws Exception {
    originalRemote("prod", true);
    CliRunner.Result r = cli.run("prod", "init", "--public-badge", "--session-ttl", "2h",
        "--bitbucket.allow-unsigned", "--compose-image", "docker/compose:1.29.2");
    assertEquals(0, r.code(), r.toString());
    Map<String, String> expected = Map.of("INERTIA_PUBLIC_BADGE", "true", "INERTIA_SESSION_TTL", "PT2H",
        "INERTIA_BITBUCKET_ALLOW_UNSIGNED", "true", "INERTIA_COMPOSE_IMAGE", "docker/compose:1.29.2");
    assertEquals(expected, settingsSeen.get(settingsSeen.size() - 1), "passed to the SSH layer");
    assertEquals(expected, saved("prod").daemon().settings());
    assertTrue(Files.readString(cli.remotesFile()).contains("[remote.daemon.settings]"));

    r = cli.run("prod", "upgrade", "--public-badge=false", "--compose-image", "default");
    assertEquals(0, r.code(), r.toString());
    Map<String, String> kept = Map.of("INERTIA_SESSION_TTL", "PT2H", "INERTIA_BITBUCKET_ALLOW_UNSIGNED", "true");
    assertEquals(kept, settingsSeen.get(settingsSeen.size() - 1), "an upgrade keeps what it is not told to change");
    assertEquals(kept, saved("prod").daemon().settings());

    r = cli.run("prod", "status");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains(" - INERTIA_SESSION_TTL=PT2H"), r.toString());

    r = cli.run("prod", "upgrade", "--session-ttl", "0m");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("invalid duration '0m'"), r.toString());
    r = cli.run("prod", "upgrade", "--compose-image", "bad image;rm");
    assertEquals(1, r.code(), r.toString());
    assertEquals(kept, saved("prod").daemon().settings());
  }

  @Test
  void sshPassesTheCommandWithItsOptions() {
    originalRemote("prod", true);
    assertEquals(0, cli.run("prod", "ssh").code());
    assertEquals(0, cli.run("prod", "ssh", "ls", "-la", "/tmp").code());
    assertEquals(0, cli.run("prod", "ssh", "--", "-weird").code());
    assertEquals(List.of("ssh []", "ssh [ls, -la, /tmp]", "ssh [-weird]"), calls);
  }

  @Test
  void profileOfUnknownBuildTypeWarnsOnceAndDeploysAsCompose() throws Exception {
    originalRemote("prod", true);
    CliRunner.Result r = cli.run("prod", "up");
    deploy.streamMayClose.countDown();
    assertEquals(0, r.code(), r.toString());
    assertEquals(1, count(r.err(), "profile 'default' has build type ''"), r.toString());
    UpRequest up = deploy.ups.get(0);
    assertEquals("docker-compose", up.buildType());
    r = cli.run("--simple", "project", "profile", "show", "default");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("Build.Type: \n"), "shown as written: " + r);
    assertTrue(Files.readString(cli.projectDir.resolve("inertia.toml")).contains("type = \"\""), "file unchanged");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** The SSH layer, recording what is asked of it. */
  final class Recording implements RemoteOperations {
    @Override
    public RemoteConfig init(RemoteConfig remote, ProjectConfig project, Console console) {
      calls.add("init " + remote.version());
      settingsSeen.add(remote.daemon().settings());
      return remote;
    }

    @Override
    public RemoteConfig upgrade(RemoteConfig remote, Console console) {
      calls.add("upgrade " + remote.version());
      settingsSeen.add(remote.daemon().settings());
      return remote;
    }

    @Override
    public void uninstall(RemoteConfig remote, Console console) {}

    @Override
    public String token(RemoteConfig remote, Console console) {
      return "";
    }

    @Override
    public String send(RemoteConfig remote, Path localFile, String destination, String permissions,
        Console console) {
      return "";
    }

    @Override
    public int ssh(RemoteConfig remote, Console console) {
      calls.add("ssh []");
      return 0;
    }

    @Override
    public int ssh(RemoteConfig remote, List<String> command, Console console) {
      calls.add("ssh " + command);
      return 0;
    }

    @Override
    public String daemonCertificateFingerprint(RemoteConfig remote, Console console) {
      calls.add("certificate " + remote.name());
      return certificateOverSsh;
    }

    @Override
    public void sendImage(RemoteConfig remote, String image, Console console) {}
  }
}
