package io.inertia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.common.api.DeploymentStatus;
import io.inertia.common.config.ConfigFiles;
import io.inertia.common.config.DaemonConfig;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a person meets it, against a real daemon on HTTPS port 0 (deploy endpoints from
 * {@link DeployRoutes}): finding commands, usage errors, help pages, logs by service name.
 */
class UsabilityTest {
  @TempDir Path tmp;
  @TempDir static Path sharedCertificate;
  CliRunner cli;
  DaemonRuntime runtime;
  DaemonServer server;
  DeployRoutes deploy;
  volatile List<String> containers = List.of("/demo-web-1", "/demo-worker-1", "/demo-worker-2");

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
    runtime = new DaemonRuntime(DaemonSettings.under(tmp.resolve("daemon")), "127.0.0.1", "127.0.0.1", 0,
        Clock.systemUTC());
    server = runtime.start(List.of(deploy), () -> new DeploymentStatus("main", "abcdef1234567890", "fix things",
        "docker-compose", containers, false, "v0.8.0", null));
    String fingerprint = CertificateFingerprints.sha256(runtime.tls().chain()[0]);
    cli = new CliRunner(tmp);
    ConfigFiles.saveRemotes(cli.remotesFile(), RemotesConfig.empty().withRemote(
        new RemoteConfig("v0.8.0", "demo", "127.0.0.1", new SshConfig("root", "/k", "22"),
            new DaemonConfig(String.valueOf(server.port()), runtime.tokens().masterToken(), "", "hook-secret", false,
                fingerprint), Map.of())));
    Files.writeString(cli.projectDir.resolve("inertia.toml"), """
        version = "v0.8.0"
        name = "demo"
        url = "https://github.com/me/demo.git"

        [[profile]]
          name = "default"
          branch = "main"
          [profile.build]
            type = "docker-compose"
            buildfile = "docker-compose.yml"
        """);
  }

  @AfterEach
  void stop() {
    deploy.streamMayClose.countDown();
    runtime.close();
  }

  // ---- 1. finding commands ----------------------------------------------------------------------

  @Test
  void rootHelpShowsRemotesAndTheirCommands() {
    CliRunner.Result r = cli.run("--help");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("Remotes: demo\n"), r.toString());
    assertTrue(r.out().contains("Commands for a remote (inertia <remote> COMMAND, e.g. 'inertia demo status'):"),
        r.toString());
    for (String c : List.of("up", "down", "status", "logs", "env", "rollback", "releases")) {
      assertTrue(r.out().contains("\n  " + c + " "), c + " listed: " + r);
    }
    assertEquals(r.out(), cli.run("help").out(), "'inertia help' is 'inertia --help'");
    assertEquals(cli.run("demo", "logs", "--help").out(), cli.run("help", "demo", "logs").out());
  }

  @Test
  void unknownRemoteSaysSoAndListsTheConfiguredOnes() {
    CliRunner.Result r = cli.run("prod", "status");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: no remote 'prod'; configured: demo (see 'inertia remote ls')\n"), r.toString());
    assertFalse(r.err().contains("Did you mean"), r.toString());
    Path empty = tmp.resolve("empty");
    cli.env.put("INERTIA_PATH", empty.toString());
    r = cli.run("prod", "status");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("'prod' is not a command, and no remotes are configured"), r.toString());
    assertTrue(r.err().contains("inertia remote add prod"), r.toString());
  }

  // ---- 2. logs ----------------------------------------------------------------------------------

  @Test
  void logsDefaultToTheProjectsContainersWithPrefixes() {
    CliRunner.Result r = cli.run("demo", "logs");
    assertEquals(0, r.code(), r.toString());
    List<String> lines = r.out().lines().sorted().toList();
    assertEquals(List.of(
        "web | second line", "web | streamed /demo-web-1 entries=null",
        "worker | second line", "worker | second line",
        "worker | streamed /demo-worker-1 entries=null", "worker | streamed /demo-worker-2 entries=null"), lines);
  }

  @Test
  void logsAcceptServiceNamesTailAndFollowFlags() {
    CliRunner.Result r = cli.run("demo", "logs", "web", "-n", "20");
    assertEquals(0, r.code(), r.toString());
    assertEquals("streamed /demo-web-1 entries=20\nsecond line\n", r.out());
    r = cli.run("demo", "logs", "demo-web-1", "--tail", "3", "--no-follow");
    assertEquals("log one /demo-web-1\nlog two\n", r.out(), r.toString());
    r = cli.run("demo", "logs", "/demo-web-1", "-s");
    assertEquals("log one /demo-web-1\nlog two\n", r.out(), r.toString());
    r = cli.run("demo", "logs", "web", "-f", "--entries", "5");
    assertEquals("streamed /demo-web-1 entries=5\nsecond line\n", r.out(), r.toString());
    r = cli.run("demo", "logs", "--daemon", "-s");
    assertEquals("log one /inertia-daemon\nlog two\n", r.out(), r.toString());
  }

  @Test
  void logsOfAMissingNameListTheValidOnesAndFail() {
    CliRunner.Result r = cli.run("demo", "logs", "db");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("error: no container or service 'db' is running on remote 'demo'"), r.toString());
    assertTrue(r.err().contains("running: web, demo-web-1, worker, demo-worker-1, demo-worker-2"), r.toString());
    containers = List.of();
    r = cli.run("demo", "logs");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("no containers of the project are running on remote 'demo'"), r.toString());
    assertTrue(r.err().contains("'inertia demo logs --daemon'"), r.toString());
  }

  // ---- 7. help text -----------------------------------------------------------------------------

  @Test
  void subcommandHelpIsShortDescribesArgumentsAndNamesTheRemote() {
    CliRunner.Result r = cli.run("demo", "logs", "--help");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("Usage: inertia demo logs [options] [name]\n"), r.toString());
    assertTrue(r.out().contains("[name]            compose service (web)"), r.toString());
    assertTrue(r.out().contains("Examples:\n  inertia demo logs "), r.toString());
    assertTrue(r.out().contains("Global options: --config <path>, --simple, --debug, -h/--help"), r.toString());
    assertFalse(r.out().contains("--simple          disable"), "global options only in 'inertia --help': " + r);
    r = cli.run("demo", "status", "--help");
    assertFalse(r.out().contains("--short"), "--short only where it means something: " + r);
  }

  // ---- 8. usage errors --------------------------------------------------------------------------

  @Test
  void usageErrorsAreOneLineWithTheRightForm() {
    CliRunner.Result r = cli.run("demo", "logs", "--tail", "abc");
    assertEquals(2, r.code(), r.toString());
    assertEquals("error: --tail needs a whole number, not 'abc'\nusage: inertia demo logs [options] [name]\n"
        + "see 'inertia demo logs --help'\n", r.err());
    assertEquals("", r.out());
    r = cli.run("demo", "logs", "--tail", "-5");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: --tail must be 0 or more, not -5\n"), r.toString());
    r = cli.run("remote", "lss");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: unknown command 'lss' for 'inertia remote' (did you mean 'ls'?)\n"),
        r.toString());
    r = cli.run("demo", "status", "extra", "words");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: unexpected arguments 'extra' 'words' for 'inertia demo status'\n"),
        r.toString());
    r = cli.run("demo", "env", "set");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().lines().count() <= 3, r.toString());
    assertFalse(r.err().contains("\u001B[21m"), r.toString());
  }

  // ---- 3. env -----------------------------------------------------------------------------------

  @Test
  void envSetTakesKeyValueAndStdinAndSaysWhenItApplies() {
    CliRunner.Result r = cli.run("demo", "env", "set", "DATABASE_URL=postgres://db/app");
    assertEquals(0, r.code(), r.toString());
    assertEquals("set DATABASE_URL on remote 'demo'\nit takes effect at the next deploy: run 'inertia demo up'; "
        + "compose services see it only where docker-compose.yml references ${DATABASE_URL}\n", r.out());
    r = cli.input("-----BEGIN X-----\nline two\n", "demo", "env", "set", "CERT", "-", "-e");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("set CERT on remote 'demo' (hidden in 'env ls')\n"), r.toString());
    assertEquals(0, cli.input("one\ntwo\n", "demo", "env", "set", "MULTI", "-").code());
    r = cli.run("demo", "env", "ls");
    assertEquals(List.of("CERT=[ENCRYPTED]", "DATABASE_URL=postgres://db/app", "MULTI=one\\ntwo"),
        r.out().lines().sorted().toList(), "one line per variable: " + r);
    assertTrue(cli.run("demo", "env", "ls", "--json").out().contains("\"MULTI\" : \"one\\ntwo\""));
    r = cli.run("demo", "env", "set", "1BAD", "x");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: '1BAD' is not a variable name"), r.toString());
    assertTrue(cli.run("demo", "env", "set", "--help").out().contains("Values are stored encrypted on the daemon; -e also hides"));
  }

  @Test
  void envRmOfAMissingVariableFails() {
    CliRunner.Result r = cli.run("demo", "env", "rm", "NOPE");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: no variable 'NOPE' is set on remote 'demo'\n"), r.toString());
    assertEquals("", r.out());
  }

  // ---- 4. rollback ------------------------------------------------------------------------------

  private static io.inertia.common.api.Release release(long id, String commit, String outcome, boolean current) {
    return new io.inertia.common.api.Release(id, commit, "message " + id + "\n", "main", "docker-compose",
        "docker-compose.yml", "up", "2026-11-27T10:00:00Z", "2026-11-27T10:00:42Z", outcome, null, current);
  }

  @Test
  void rollbackAcceptsHashAndPlainIdsAndChecksBeforeAnnouncing() {
    deploy.releases = List.of(release(3, "c3c3c3c3c3", "succeeded", true), release(2, "c2c2c2c2c2", "failed", false),
        release(1, "c1c1c1c1c1", "succeeded", false));
    CliRunner.Result r = cli.run("demo", "rollback", "#1");
    assertEquals(0, r.code(), r.toString());
    assertEquals(1L, deploy.rollbacks.get(0).release());
    assertTrue(r.out().startsWith("rolling back to release #1 (commit c1c1c1c1 (main) \"message 1\")\n"), r.toString());
    assertTrue(r.out().endsWith("release #3 is serving on remote 'demo' (127.0.0.1): commit c3c3c3c3 (main) "
        + "\"message 3\", took 42 s\n"), "the summary of 'up': " + r);
    assertEquals(0, cli.run("demo", "rollback", "1").code());
    assertEquals(0, cli.run("demo", "rollback").code());
    assertEquals(1L, deploy.rollbacks.get(2).release(), "default: the last successful release before the current");

    r = cli.run("demo", "rollback", "99");
    assertEquals(1, r.code(), r.toString());
    assertEquals("", r.out(), "nothing announced before the check");
    assertTrue(r.err().startsWith("error: there is no release #99 on remote 'demo' (releases: #3, #2, #1)"), r.toString());
    r = cli.run("demo", "rollback", "2");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("release #2 did not succeed (failed)"), r.toString());
    r = cli.run("demo", "rollback", "one");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: a release is a number such as 3 or #3"), r.toString());
    assertEquals(3, deploy.rollbacks.size());
  }

  @Test
  void plainRollbackExplainsWhenEveryEarlierReleaseHasTheSameCommit() {
    deploy.releases = List.of(release(2, "samesame11", "succeeded", true), release(1, "samesame11", "succeeded", false));
    CliRunner.Result r = cli.run("demo", "rollback");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("every earlier successful release deployed the same commit as the current one"), r.toString());
    assertTrue(r.err().contains("'inertia demo rollback 1'"), r.toString());
  }

  @Test
  void upEndsWithTheReleaseSummary() {
    deploy.releases = List.of(release(4, "c4c4c4c4c4", "succeeded", true));
    CliRunner.Result r = cli.run("demo", "up");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().endsWith("[success 201] Project startup initiated!\nrelease #4 is serving on remote 'demo' "
        + "(127.0.0.1): commit c4c4c4c4 (main) \"message 4\", took 42 s\n"), r.toString());
  }

  // ---- 5. after down ----------------------------------------------------------------------------

  @Test
  void statusAfterDownShowsTheProjectDownWithTheLastRelease() {
    containers = List.of();
    deploy.releases = List.of(release(3, "c3c3c3c3c3", "succeeded", false));
    CliRunner.Result r = cli.run("demo", "status");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("The project is down: no containers are running - 'inertia demo up' deploys it again"),
        r.toString());
    assertTrue(r.out().contains("Recent releases (none serving):\n - #3 succeeded c3c3c3c3"), r.toString());
    assertFalse(r.out().contains("(current)"), r.toString());
    deploy.running = false;
    r = cli.run("demo", "down");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("try running 'inertia demo up'"), "the remote's name in the hint: " + r);
  }

  // ---- 10. first errors -------------------------------------------------------------------------

  @Test
  void firstErrorsSayWhatToDo() throws Exception {
    ConfigFiles.saveRemotes(cli.remotesFile(), ConfigFiles.loadRemotes(cli.remotesFile()).withRemote(
        new RemoteConfig("v0.8.0", "fresh", "10.0.0.9", new SshConfig("root", "/k", "22"),
            new DaemonConfig("4303", "", "", "s", false, ""), Map.of())));
    CliRunner.Result r = cli.run("fresh", "status");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: remote 'fresh' has no daemon set up yet\n"
        + "perhaps you should run 'inertia fresh init'"), r.toString());
    r = cli.run("--config", "/nonexistent.toml", "demo", "up");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: no such file: /nonexistent.toml (given with --config)"), r.toString());
  }
}
