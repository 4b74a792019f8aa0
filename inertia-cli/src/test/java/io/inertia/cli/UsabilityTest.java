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
    assertTrue(r.out().startsWith("Usage: inertia demo logs [options] [SERVICE]\n"), r.toString());
    assertTrue(r.out().contains("[SERVICE]         compose service (web)"), r.toString());
    assertTrue(r.out().contains("Examples:\n  inertia demo logs "), r.toString());
    assertTrue(r.out().contains("Global options: --config <path>, --simple, --debug, -h/--help"), r.toString());
    assertFalse(r.out().contains("--simple          disable"), "global options only in 'inertia --help': " + r);
    r = cli.run("demo", "status", "--help");
    assertFalse(r.out().contains("--short"), "--short only where it means something: " + r);
    r = cli.run("remote", "add", "--help");
    assertTrue(r.out().contains("  inertia remote add prod --ip 203.0.113.7 --ssh.user root --ssh.key ~/.ssh/id_ed25519\n"),
        "examples are not broken mid-word: " + r);
  }

  // ---- 8. usage errors --------------------------------------------------------------------------

  @Test
  void usageErrorsAreOneLineWithTheRightForm() {
    CliRunner.Result r = cli.run("demo", "logs", "--tail", "abc");
    assertEquals(2, r.code(), r.toString());
    assertEquals("error: --tail needs a whole number, not 'abc'\nusage: inertia demo logs [options] [SERVICE]\n"
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

  // ---- 6. completion ----------------------------------------------------------------------------

  /** Runs {@code _inertia} in a real bash for the words typed so far (the last one is being completed). */
  private List<String> complete(Path script, Path bin, String... words) throws Exception {
    StringBuilder cmd = new StringBuilder("source " + script + " && complete -p inertia >&2 && COMP_WORDS=(");
    for (String w : words) {
      cmd.append("'").append(w).append("' ");
    }
    cmd.append(") && COMP_CWORD=").append(words.length - 1)
        .append(" && _inertia && printf '%s\\n' \"${COMPREPLY[@]}\"");
    ProcessBuilder pb = new ProcessBuilder("bash", "--norc", "-c", cmd.toString()).directory(cli.projectDir.toFile());
    pb.environment().putAll(cli.env);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), err);
    assertTrue(err.contains("complete -F _inertia inertia"), err);
    return out.lines().filter(l -> !l.isEmpty()).sorted().toList();
  }

  @Test
  void completionWorksAtEveryLevelInARealBash() throws Exception {
    ConfigFiles.saveRemotes(cli.remotesFile(), ConfigFiles.loadRemotes(cli.remotesFile()).withRemote(
        new RemoteConfig("v0.8.0", "prod", "10.0.0.9", null, new DaemonConfig("4303", "t", "", "s", false, "x"),
            Map.of())));
    CliRunner.Result r = cli.run("completion", "bash");
    assertEquals(0, r.code(), r.toString());
    Path script = tmp.resolve("inertia.bash");
    Files.writeString(script, r.out());
    // 'inertia' on the PATH is this build of the CLI, as a user's launcher would be.
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path launcher = bin.resolve("inertia");
    Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
        + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path") + "' io.inertia.cli.Main \"$@\"\n");
    assertTrue(launcher.toFile().setExecutable(true));

    List<String> top = complete(script, bin, "inertia", "");
    assertTrue(top.containsAll(List.of("init", "project", "remote", "provision", "completion", "help", "demo", "prod")),
        top.toString());
    assertEquals(List.of("add", "config-path", "import", "login", "ls", "pin", "reset", "rm", "set", "show", "upgrade"),
        complete(script, bin, "inertia", "remote", ""));
    assertEquals(List.of("demo", "prod"), complete(script, bin, "inertia", "remote", "show", ""));
    assertEquals(List.of("ls", "rm", "set"), complete(script, bin, "inertia", "demo", "env", ""));
    assertEquals(List.of("releases", "rollback"), complete(script, bin, "inertia", "prod", "r"));
    assertTrue(complete(script, bin, "inertia", "demo", "logs", "--t").contains("--tail"));
    assertEquals(List.of("demo-web-1", "demo-worker-1", "demo-worker-2", "web", "worker"),
        complete(script, bin, "inertia", "demo", "logs", ""), "service and container names from the daemon");
    assertEquals(List.of("web", "worker"), complete(script, bin, "inertia", "--simple", "demo", "logs", "-n", "5", "w"));
    Files.writeString(cli.projectDir.resolve("notes.txt"), "x");
    assertEquals(List.of("notes.txt"), complete(script, bin, "inertia", "demo", "send", "no"));

    CliRunner.Result zsh = cli.run("completion", "zsh");
    assertTrue(zsh.out().contains("bashcompinit") && zsh.out().contains("complete -F _inertia inertia"), zsh.toString());
    assertEquals(2, cli.run("completion", "fish").code());
  }

  @Test
  void manPagesAreRoffForEveryCommandAndRender() throws Exception {
    Path dir = tmp.resolve("man");
    CliDocs.main(new String[] {tmp.resolve("docs").toString()});
    Path man = tmp.resolve("docs/man");
    List<String> pages = Files.list(man).map(p -> p.getFileName().toString()).sorted().toList();
    assertTrue(pages.containsAll(List.of("inertia.1", "inertia-remote-add.1", "inertia-REMOTE-logs.1",
        "inertia-REMOTE-env-set.1", "inertia-completion.1", "inertia-help.1")), pages.toString());
    String logs = Files.readString(man.resolve("inertia-REMOTE-logs.1"));
    assertTrue(logs.startsWith(".TH \"INERTIA-REMOTE-LOGS\" 1 "), logs);
    assertTrue(logs.contains(".SH SYNOPSIS\n.B inertia REMOTE logs [options] [SERVICE]\n"), logs);
    assertTrue(logs.contains(".TP\n.B \\-n, \\-\\-tail, \\-\\-entries \\fI<n>\\fR\n"), logs);
    assertTrue(Files.readString(tmp.resolve("docs/completion/inertia_completion")).contains("complete -F _inertia inertia"));
    // The page renders with man's own formatter, without warnings.
    ProcessBuilder pb = new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", man.resolve("inertia-REMOTE-logs.1").toString());
    if (new java.io.File("/usr/bin/groff").canExecute()) {
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .replaceAll(".\b", "").replaceAll("\u001B\\[[0-9;]*m", ""); // bold by overstrike or SGR
      String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(0, p.waitFor(), err);
      assertEquals("", err);
      assertTrue(out.contains("inertia REMOTE logs [options] [SERVICE]"), out);
    }
    assertFalse(Files.exists(dir));
  }

  // ---- 9. settings validated at the door ---------------------------------------------------------

  @Test
  void badSettingsAreRefusedWhenGivenNotLater() throws Exception {
    String before = Files.readString(cli.remotesFile());
    CliRunner.Result r = cli.run("remote", "set", "demo", "daemon.port", "abc");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: daemon.port must be a port number from 1 to 65535, not 'abc'"), r.toString());
    assertEquals(2, cli.run("remote", "set", "demo", "ssh.ssh-port", "99999").code());
    assertEquals(2, cli.run("remote", "set", "demo", "name", "my box").code());
    r = cli.run("remote", "add", "my box", "--ip", "1.2.3.4", "--ssh.user", "u", "--ssh.key", "k");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: 'my box' is not a valid remote name"), r.toString());
    r = cli.run("remote", "add", "box", "--ssh.user", "u", "--ssh.key", "k");
    assertEquals(2, r.code(), "no terminal, no --ip: " + r);
    assertTrue(r.err().contains("the IP address is required"), r.toString());
    r = cli.run("remote", "add", "box", "--ip", "1.2.3.4", "--ssh.key", "k");
    assertEquals(2, r.code(), "no terminal, no --ssh.user: " + r);
    assertTrue(r.err().contains("the SSH user is required"), r.toString());
    assertEquals(2, cli.run("remote", "add", "box", "--ip", "1.2.3.4", "--ssh.user", "u", "--ssh.key", "k",
        "--daemon.port", "0").code());
    assertEquals(before, Files.readString(cli.remotesFile()), "nothing half-written");
    assertEquals(0, cli.run("remote", "set", "demo", "daemon.port", "4304").code());
  }

  // ---- 11. users ----------------------------------------------------------------------------------

  @Test
  void usersArePromptedByNameAndTheAdminTokenIsNotLostSilently() {
    CliRunner.Result r = cli.run("demo", "user", "ls");
    assertEquals("no users yet - add one with 'inertia demo user add <name>'\n", r.out(), r.toString());
    assertTrue(cli.run("demo", "user", "whoami").out().startsWith("admin "), "the token saved by init");
    r = cli.input("pass-word-1\n", "demo", "user", "add", "alice");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("Passwords: 5 to 127 characters; letters, digits, '_' and '-'.\n"
        + "Enter a password for user 'alice': "), "rules before the prompt, which names the user: " + r);
    r = cli.input("pass-word-1\n", "demo", "user", "login", "alice");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("this replaced the admin token saved for remote 'demo'; to use it again: "
        + "'inertia demo token --ssh'"), r.toString());
    assertEquals("alice\n", cli.run("demo", "user", "whoami").out());
    r = cli.run("demo", "user", "logout");
    assertEquals("forgot the session of 'alice' for remote 'demo'; 'inertia demo user login <user>' logs in again\n",
        r.out(), r.toString());
    assertTrue(cli.run("demo", "user", "whoami").out().startsWith("not logged in to remote 'demo'"));
  }

  // ---- 12. endings that say what happened -------------------------------------------------------

  @Test
  void tokenSaysWhatItIsAndSendRefusesAnAbsoluteSourceWithoutDestination() throws Exception {
    CliRunner.Result r = cli.run("demo", "token");
    assertEquals(0, r.code(), r.toString());
    assertEquals(3, r.out().trim().split("\\.").length, "stdout is only the token: " + r);
    assertTrue(r.err().contains("admin token for remote 'demo': it never expires"), r.toString());
    Path file = Files.writeString(tmp.resolve("app.pem"), "x");
    cli.operations = new DaemonCommandsTest.RecordingOperations(new java.util.ArrayList<>());
    r = cli.run("demo", "send", file.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("is an absolute path"), r.toString());
    assertTrue(r.err().contains("-d app.pem"), r.toString());
    assertTrue(cli.run("demo", "send", "--help").out().contains("the original's: rw-r-xr-x"));
  }

  // ---- 13. output -------------------------------------------------------------------------------

  @Test
  void outputIsConsistentForPeopleAndPrograms() {
    CliRunner.Result r = cli.run("remote", "show", "demo", "--json");
    assertTrue(r.out().contains("\"port\" : " + server.port() + ","), "ports are numbers: " + r);
    assertTrue(r.out().contains("\"ssh-port\" : 22"), r.toString());
    assertTrue(r.out().contains("\"user\" : null"), "no user is null, not \"\": " + r);
    deploy.releases = List.of(release(1, "c1c1c1c1c1", "succeeded", true));
    assertTrue(cli.run("demo", "releases", "--json").out().contains("\"commit_message\" : \"message 1\","),
        "no trailing newline");
    assertTrue(cli.run("demo", "status", "--json").out().contains("\"commit_message\" : \"message 1\","));
    r = cli.run("demo", "status");
    assertTrue(r.out().contains("Active containers:\n - demo-web-1\n"), "no leading /: " + r);
    assertFalse(r.out().contains("\u001B"), "no colour when not a terminal");
    r = cli.run("remote", "add", "x", "--ip", "1.2.3.4", "--ssh.user", "u", "--ssh.key", "k");
    assertTrue(r.out().contains("Remote 'x' has been added!") && !r.out().contains("\u26F5"), "no emoji when piped: " + r);
  }
}
