package io.inertia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-remote commands end to end against a real daemon (TLS, auth, users, TOTP, env, status) started
 * in-process on HTTPS port 0; the deploy endpoints come from {@link DeployRoutes}.
 */
class DaemonCommandsTest {
  static final String PASSWORD = "correct-horse-battery-9";

  @TempDir Path tmp;
  final MovableClock clock = new MovableClock();
  CliRunner cli;
  DaemonRuntime runtime;
  DaemonServer server;
  DeployRoutes deploy;
  String fingerprint;

  /** One certificate for all tests (generating an RSA key per daemon costs seconds); state is per test. */
  @TempDir static Path sharedCertificate;

  @BeforeAll
  static void makeCertificate() {
    new DaemonRuntime(DaemonSettings.under(sharedCertificate), "127.0.0.1", "127.0.0.1", 0, Clock.systemUTC()).close();
  }

  @BeforeEach
  void start() throws Exception {
    deploy = new DeployRoutes();
    Path ssl = tmp.resolve("daemon/secrets/ssl");
    Files.createDirectories(ssl);
    for (String f : List.of("daemon.cert", "daemon.key")) {
      Files.copy(sharedCertificate.resolve("secrets/ssl").resolve(f), ssl.resolve(f));
    }
    runtime = new DaemonRuntime(DaemonSettings.under(tmp.resolve("daemon")), "127.0.0.1", "127.0.0.1", 0, clock);
    server = runtime.start(List.of(deploy), () -> new DeploymentStatus("main", "abcdef1234567890", "fix things",
        "dockerfile", List.of("/demo"), false, "v0.8.0", null));
    fingerprint = CertificateFingerprints.sha256(runtime.tls().chain()[0]);
    cli = new CliRunner(tmp);
    saveRemote(remote(runtime.tokens().masterToken(), fingerprint, server.port()));
    Files.writeString(cli.projectDir.resolve("inertia.toml"), """
        version = "v0.8.0"
        name = "demo"
        url = "https://github.com/me/demo.git"

        [[profile]]
          name = "default"
          branch = "main"
          [profile.build]
            type = "dockerfile"
            buildfile = "Dockerfile"

        [[profile]]
          name = "staging"
          branch = "dev"
          [profile.build]
            type = "docker-compose"
            buildfile = "docker-compose.yml"
            intermediary_containers = ["migrate"]
          [profile.notifiers]
            slack_notification_url = "https://hooks.slack.com/services/x"
        """);
  }

  @AfterEach
  void stop() {
    deploy.streamMayClose.countDown();
    runtime.close();
  }

  private RemoteConfig remote(String token, String pin, int port) {
    return new RemoteConfig("v0.8.0", "prod", "127.0.0.1", new SshConfig("root", "/k", "22"),
        new DaemonConfig(String.valueOf(port), token, "", "hook-secret", false, pin), Map.of());
  }

  private void saveRemote(RemoteConfig r) {
    RemotesConfig current = Files.exists(cli.remotesFile()) ? ConfigFiles.loadRemotes(cli.remotesFile())
        : RemotesConfig.empty();
    ConfigFiles.saveRemotes(cli.remotesFile(), current.withRemote(r));
  }

  private RemoteConfig saved(String name) {
    return ConfigFiles.loadRemotes(cli.remotesFile()).remote(name).orElseThrow();
  }

  @Test
  void statusHumanAndJson() {
    CliRunner.Result r = cli.run("--simple", "prod", "status");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("Inertia daemon on remote \"prod\" (https://127.0.0.1:" + server.port() + ") is online"), r.toString());
    assertTrue(r.out().contains(" - Branch:     main\n - Commit:     abcdef1234567890\n - Message:    fix things\n"
        + " - Build Type: dockerfile\n"), r.toString());
    assertTrue(r.out().contains("Active containers:\n - demo\n"), r.toString());
    assertTrue(r.out().contains("#2 (current) succeeded abcdef12 main"), r.toString());
    assertTrue(r.out().contains("Inertia daemon v0.8.0"), r.toString());
    r = cli.run("prod", "status", "--json");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("\"commit_hash\" : \"abcdef1234567890\""), r.toString());
  }

  @Test
  void pinnedCertificateMismatchIsRefusedWithBothFingerprints() {
    String wrong = "SHA256:" + "AB:".repeat(31) + "AB";
    saveRemote(remote(runtime.tokens().masterToken(), wrong, server.port()));
    CliRunner.Result r = cli.run("prod", "status");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("presented a different certificate: expected fingerprint " + wrong + ", got " + fingerprint), r.toString());
    assertTrue(r.err().contains("inertia remote set prod daemon.cert-fingerprint " + fingerprint), r.toString());
  }

  @Test
  void pinReplacesHostNameVerification() throws Exception {
    // A second daemon on 127.0.0.2, an address its certificate does not name: the pin alone decides.
    Path root = tmp.resolve("other");
    try (DaemonRuntime other = new DaemonRuntime(DaemonSettings.under(root), "daemon.example", "127.0.0.2", 0, clock)) {
      DaemonServer s = other.start(List.of(), () -> new DeploymentStatus("", "", "", "", List.of(), false, "v0.8.0", null));
      String pin = CertificateFingerprints.sha256(other.tls().chain()[0]);
      java.util.Collection<List<?>> sans = other.tls().chain()[0].getSubjectAlternativeNames();
      assertFalse(sans.stream().anyMatch(san -> "127.0.0.2".equals(san.get(1))), "test premise: " + sans);
      saveRemote(new RemoteConfig("v0.8.0", "prod", "127.0.0.2", null,
          new DaemonConfig(String.valueOf(s.port()), other.tokens().masterToken(), "", "", false, pin), Map.of()));
      CliRunner.Result r = cli.run("prod", "status");
      assertEquals(0, r.code(), r.toString());
      assertTrue(r.out().contains("No deployment found - try running 'inertia prod up'"), r.toString());
    }
  }

  @Test
  void verifySslUsesTheSystemTrustStoreWhichDoesNotKnowTheDaemon() {
    saveRemote(new RemoteConfig("v0.8.0", "prod", "127.0.0.1", null,
        new DaemonConfig(String.valueOf(server.port()), runtime.tokens().masterToken(), "", "", true, ""), Map.of()));
    CliRunner.Result r = cli.run("prod", "status");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("TLS handshake with https://127.0.0.1:" + server.port() + " failed"), r.toString());
    assertTrue(r.err().contains("daemon.cert-fingerprint"), r.toString());
  }

  @Test
  void offlineDaemonAndBadToken() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    saveRemote(remote("x", fingerprint, closed));
    CliRunner.Result r = cli.run("prod", "status");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("daemon on remote appears offline or inaccessible"), r.toString());

    saveRemote(remote("not-a-token", fingerprint, server.port()));
    r = cli.run("prod", "env", "ls");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("[error 401] "), r.toString());
    assertTrue(r.err().contains("inertia prod user login"), r.toString());
  }

  @Test
  void envSetListRemove() {
    assertEquals("no variables configured on remote\n", cli.run("prod", "env", "ls").out());
    CliRunner.Result r = cli.run("prod", "env", "set", "DB", "postgres://x");
    assertEquals(0, r.code(), r.toString());
    assertEquals("set DB on remote 'prod'\nit takes effect at the next deploy: run 'inertia prod up'\n", r.out());
    assertEquals(0, cli.run("prod", "env", "set", "-e", "KEY", "s3cret").code());
    r = cli.run("prod", "env", "ls");
    assertTrue(r.out().contains("DB=postgres://x\n"), r.toString());
    assertTrue(r.out().contains("KEY=[ENCRYPTED]\n"), r.toString());
    r = cli.run("prod", "env", "ls", "--json");
    assertTrue(r.out().contains("\"DB\" : \"postgres://x\""), r.toString());
    r = cli.run("prod", "env", "rm", "DB");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("removed DB from remote 'prod'; the app keeps it until the next deploy"), r.toString());
    assertFalse(cli.run("prod", "env", "ls").out().contains("DB="));
  }

  @Test
  void usersAddListLoginRemoveReset() {
    CliRunner.Result r = cli.input(PASSWORD + "\n", "prod", "user", "add", "alice", "--admin");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("creating user 'alice' as an administrator..."), r.toString());
    assertTrue(r.out().contains("user has been created"), r.toString());
    r = cli.run("prod", "user", "ls");
    assertTrue(r.out().contains("alice\n"), r.toString());
    assertTrue(cli.run("prod", "user", "ls", "--json").out().contains("\"alice\""));

    r = cli.input("wrong-password-1\n", "prod", "user", "login", "alice");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("[error 401]"), r.toString());
    r = cli.input(PASSWORD + "\n", "prod", "user", "login", "alice");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("you have been logged in successfully as 'alice', and a token has been saved"),
        r.toString());
    assertEquals("alice", saved("prod").daemon().user());
    assertNotEquals(runtime.tokens().masterToken(), saved("prod").daemon().token());
    // user login again without the argument uses daemon.user
    assertEquals(0, cli.input(PASSWORD + "\n", "prod", "user", "login").code());

    r = cli.input(PASSWORD + "\n", "--debug", "prod", "user", "add", "bob");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("DEBUG: POST https://127.0.0.1:" + server.port() + "/user/add"), r.toString());
    assertTrue(r.err().contains("DEBUG: response 201"), r.toString());
    assertFalse(r.err().contains(PASSWORD), "passwords are not logged: " + r);
    r = cli.input(PASSWORD + "\n", "--debug", "prod", "user", "login", "bob");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("\"token\":\"***\""), r.toString());
    assertFalse(r.err().contains(saved("prod").daemon().token()), "tokens are not logged: " + r);
    saveRemote(remote(runtime.tokens().masterToken(), fingerprint, server.port()));
    assertEquals("user has been removed\n", cli.run("prod", "user", "rm", "bob").out());
    saveRemote(remote(runtime.tokens().masterToken(), fingerprint, server.port()));
    assertEquals("all users removed\n", cli.run("prod", "user", "reset").out());
    assertEquals(1, cli.input("\n", "prod", "user", "add", "carol").code(), "empty password");
  }

  @Test
  void totpEnableThenLoginAsksForCodeAndBackupCodesAreSingleUse() {
    assertEquals(0, cli.input(PASSWORD + "\n", "prod", "user", "add", "alice").code());
    assertEquals(0, cli.input(PASSWORD + "\n", "prod", "user", "login", "alice").code());
    CliRunner.Result r = cli.input(PASSWORD + "\n", "prod", "user", "2fa", "enable", "alice");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("2FA has been enabled!"), r.toString());
    assertTrue(r.out().contains("otpauth://totp/alice?secret="), r.toString());
    List<String> codes = new ArrayList<>();
    boolean inCodes = false;
    for (String line : r.out().split("\n")) {
      if (line.contains("Your backup codes are:")) {
        inCodes = true;
      } else if (inCodes && line.startsWith("  ")) {
        codes.add(line.trim());
      } else {
        inCodes = false;
      }
    }
    assertEquals(10, codes.size(), r.toString());

    r = cli.input(PASSWORD + "\n" + codes.get(0) + "\n", "prod", "user", "login", "alice");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("Authentication code (or backup code): "), r.toString());
    r = cli.input(PASSWORD + "\n" + codes.get(0) + "\n", "prod", "user", "login", "alice");
    assertEquals(1, r.code(), "a backup code works once: " + r);
    r = cli.run("prod", "user", "totp", "disable");
    assertEquals(0, r.code(), r.toString());
    assertEquals("2FA successfully disabled\n", r.out());
  }

  @Test
  void remoteLoginPinsCertificateAndSavesToken() {
    assertEquals(0, cli.input(PASSWORD + "\n", "prod", "user", "add", "dana").code());
    CliRunner.Result r = cli.input(PASSWORD + "\n", "remote", "login", "team", "dana", "--ip", "127.0.0.1",
        "--daemon.port", String.valueOf(server.port()), "--daemon.cert-fingerprint", fingerprint);
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("Successfully logged in to remote 'team' (127.0.0.1) as user 'dana'!"), r.toString());
    RemoteConfig team = saved("team");
    assertNull(team.ssh());
    assertEquals("dana", team.daemon().user());
    assertEquals(fingerprint, team.daemon().certFingerprint());
    assertEquals(0, cli.run("team", "status").code());

    r = cli.input("y\n" + PASSWORD + "\n", "remote", "login", "team2", "dana", "--ip", "127.0.0.1",
        "--daemon.port", String.valueOf(server.port()));
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains(fingerprint), "the fingerprint is shown before trusting: " + r);
    assertEquals(fingerprint, saved("team2").daemon().certFingerprint());
    r = cli.input("n\n", "remote", "login", "team3", "dana", "--ip", "127.0.0.1",
        "--daemon.port", String.valueOf(server.port()));
    assertEquals(1, r.code());
  }

  @Test
  void upStreamsAndEndsOnTheFinalLine() {
    CliRunner.Result r = cli.run("prod", "up");
    deploy.streamMayClose.countDown();
    assertEquals(0, r.code(), r.toString());
    // The CLI returned while the daemon still held the stream open (the original waited for Ctrl-C).
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!deploy.streamHeldOpenUntilReleased.get() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertTrue(deploy.streamHeldOpenUntilReleased.get());
    assertTrue(r.out().contains("deploying project 'demo' using profile 'default'"), r.toString());
    assertTrue(r.out().contains("Cloning git@github.com:me/demo.git (main)..."), r.toString());
    assertTrue(r.out().contains("[success 201] Project startup initiated!"), r.toString());
    UpRequest up = deploy.ups.get(0);
    assertTrue(up.stream());
    assertEquals("hook-secret", up.webhookSecret());
    assertEquals("Dockerfile", up.buildFilePath());
  }

  @Test
  void upProfileNotifiersShortAndFailure() {
    CliRunner.Result r = cli.run("prod", "up", "--profile", "staging");
    deploy.streamMayClose.countDown();
    assertEquals(0, r.code(), r.toString());
    UpRequest up = deploy.ups.get(0);
    assertEquals("dev", up.gitOptions().branch());
    assertEquals("docker-compose", up.buildType());
    assertEquals(List.of("migrate"), up.intermediaryContainers());
    assertEquals("https://hooks.slack.com/services/x", up.slackNotificationUrl());

    r = cli.run("prod", "-s", "up", "-p", "staging");
    assertEquals(0, r.code(), r.toString());
    assertFalse(deploy.ups.get(1).stream());
    assertEquals("https://hooks.slack.com/services/x", deploy.ups.get(1).slackNotificationUrl());
    assertTrue(r.out().contains("deployment started on remote 'prod'"), r.toString());

    deploy.deployFails = true;
    r = cli.run("prod", "up");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("[error 500] failed to build project: (exit status 1)"), r.toString());
    assertEquals(1, cli.run("prod", "up", "-p", "nope").code());
  }

  @Test
  void logsShortAndStreamed() {
    CliRunner.Result r = cli.run("prod", "logs", "--short", "/demo");
    assertEquals(0, r.code(), r.toString());
    assertEquals("log one /demo\nlog two\n", r.out());
    r = cli.run("prod", "logs", "--entries", "5");
    assertEquals(0, r.code(), r.toString());
    assertEquals("streamed /demo entries=5\nsecond line\n", r.out());
  }

  @Test
  void closingAFollowedLogStreamEndsTheWait() throws Exception {
    // What the Ctrl-C shutdown hook of 'logs' does: close() ends await() even if the daemon never closes.
    RemoteConfig prod = saved("prod");
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    io.inertia.cli.daemon.DaemonClient client = new io.inertia.cli.daemon.DaemonClient(prod,
        new Console(System.out, System.err, java.io.InputStream.nullInputStream(), false, false, false, false));
    io.inertia.cli.daemon.LogStream stream = client.logsStream("/forever", 0, lines::add);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (lines.isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(List.of("streamed /forever entries=null"), lines);
    Thread waiter = new Thread(() -> {
      try {
        stream.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    waiter.start();
    stream.close();
    waiter.join(10_000);
    assertFalse(waiter.isAlive());
  }

  @Test
  void releasesRollbackDownPruneToken() {
    CliRunner.Result r = cli.run("prod", "releases");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("#2*    succeeded  abcdef12 main         up       2026-11-27T10:00:00Z second"), r.toString());
    assertTrue(r.out().contains("#1     failed     12345678 main         webhook  2026-11-26T10:00:00Z first [build failed]"), r.toString());
    assertTrue(cli.run("prod", "releases", "--json").out().contains("\"outcome\" : \"succeeded\""));
    deploy.releases = List.of(
        new io.inertia.common.api.Release(3, "abcdef1234567890", "third", "main", "dockerfile", "Dockerfile", "up",
            "2026-11-27T11:00:00Z", "2026-11-27T11:01:00Z", "succeeded", null, true),
        deploy.releases.get(0), deploy.releases.get(1));
    r = cli.run("prod", "rollback", "2");
    assertEquals(0, r.code(), r.toString());
    assertEquals(2L, deploy.rollbacks.get(0).release());
    deploy.rollbackAnswersWithEnvelope = true;
    r = cli.run("prod", "rollback", "#2", "-s");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("rollback initiated"), r.toString());
    assertEquals("project successfully shut down\n", cli.run("prod", "down").out());
    r = cli.run("prod", "down");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("[error 412] No deployment is currently active on this remote - try running "
        + "'inertia prod up'"), r.toString());
    assertTrue(cli.run("prod", "prune").out().startsWith("pruned on remote 'prod': the project's stopped containers"));
    r = cli.run("prod", "token");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().trim().split("\\.").length == 3, r.toString());
  }

  @Test
  void uninstallGoesOnWhenNothingRunsAndUsesTheSshLayer() {
    List<String> calls = new ArrayList<>();
    cli.operations = new RecordingOperations(calls);
    deploy.running = false;
    CliRunner.Result r = cli.input("yes\n", "prod", "uninstall");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("Stopping project..."), r.toString());
    assertTrue(r.out().contains("Uninstallation completed."), r.toString());
    assertEquals(List.of("uninstall prod"), calls);
    assertEquals(1, cli.input("n\n", "prod", "uninstall").code());

    r = cli.run("prod", "upgrade", "--version", "v0.8.1");
    assertEquals(0, r.code(), r.toString());
    assertEquals("v0.8.1", saved("prod").version());
    r = cli.run("prod", "init");
    assertEquals(0, r.code(), r.toString());
    assertEquals("minted", saved("prod").daemon().token());
    assertEquals("token-over-ssh\n", cli.run("prod", "token", "--ssh").out());
  }

  @Test
  void expiredSessionTokenGetsTheReloginHint() {
    assertEquals(0, cli.input(PASSWORD + "\n", "prod", "user", "add", "erin", "--admin").code());
    assertEquals(0, cli.input(PASSWORD + "\n", "prod", "user", "login", "erin").code());
    assertEquals(0, cli.run("prod", "env", "ls").code());
    clock.advance(DaemonSettings.DEFAULT_SESSION_TTL.plusMinutes(1));
    CliRunner.Result r = cli.run("prod", "env", "ls");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("token expired - try running 'inertia prod user login' to reauthenticate"), r.toString());
  }

  /** A clock the test moves forward. */
  static final class MovableClock extends Clock {
    private volatile java.time.Instant now = java.time.Instant.now();

    void advance(java.time.Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now;
    }
  }

  /** A stand-in for the SSH layer that records what the commands ask of it. */
  record RecordingOperations(List<String> calls) implements RemoteOperations {
    @Override
    public RemoteConfig init(RemoteConfig remote, ProjectConfig project, Console console) {
      calls.add("init " + remote.name() + " " + project.name());
      return remote.withDaemon(remote.daemon().withToken("minted", ""));
    }

    @Override
    public RemoteConfig upgrade(RemoteConfig remote, Console console) {
      calls.add("upgrade " + remote.version());
      return remote;
    }

    @Override
    public void uninstall(RemoteConfig remote, Console console) {
      calls.add("uninstall " + remote.name());
    }

    @Override
    public String token(RemoteConfig remote, Console console) {
      return "token-over-ssh";
    }

    @Override
    public String send(RemoteConfig remote, Path localFile, String destination, String permissions, Console console) {
      return "/home/u/inertia/project/" + destination;
    }

    @Override
    public int ssh(RemoteConfig remote, Console console) {
      return 0;
    }

    @Override
    public void sendImage(RemoteConfig remote, String image, Console console) {
      calls.add("image " + image);
    }
  }
}
