package io.inertia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.common.config.ConfigFiles;
import io.inertia.common.config.ProjectConfig;
import io.inertia.common.config.RemoteConfig;
import io.inertia.common.config.RemotesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config-only commands end to end, through picocli, on temp dirs. */
class ConfigCommandsTest {
  @TempDir Path tmp;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(tmp);
  }

  private void golden(String name, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try (InputStream in = getClass().getResourceAsStream("/golden/" + name)) {
      Files.copy(in, target);
    }
  }

  private void gitRepo(String url) throws Exception {
    git("init", "-q", "-b", "main");
    if (url != null) {
      git("remote", "add", "origin", url);
    }
  }

  private void git(String... args) throws Exception {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "git";
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p = new ProcessBuilder(cmd).directory(cli.projectDir.toFile()).inheritIO().start();
    assertTrue(p.waitFor(20, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
  }

  private RemotesConfig remotes() {
    return ConfigFiles.loadRemotes(cli.remotesFile());
  }

  @Test
  void versionAndHelp() {
    CliRunner.Result r = cli.run("--version");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("inertia version "), r.toString());
    r = cli.run("--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("Effortless, self-hosted continuous deployment"), r.toString());
    assertTrue(r.out().contains("Global configuration directory: " + cli.globalDir), r.toString());
  }

  @Test
  void unknownCommandIsUsageError() {
    assertEquals(2, cli.run("nope").code());
    assertEquals(2, cli.run("remote", "add").code());
  }

  @Test
  void initGlobal() {
    CliRunner.Result r = cli.run("init", "--global");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("global Inertia configuration intialized in '" + cli.globalDir + "'"), r.toString());
    assertTrue(Files.isRegularFile(cli.remotesFile()));
    assertEquals(0, remotes().remotes().size());
  }

  @Test
  void initDetectsGitAndBuildAndAsksForGlobal() throws Exception {
    gitRepo("git@github.com:me/demo.git");
    Files.writeString(cli.projectDir.resolve("docker-compose.yml"), "services: {}\n");
    CliRunner.Result r = cli.input("y\n\n", "init", "demo");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("Could not find global inertia configuration"), r.toString());
    assertTrue(r.out().contains("initializing project 'demo'"), r.toString());
    assertTrue(r.out().contains("leave blank for 'main'"), r.toString());
    assertTrue(r.out().contains("docker-compose project detected"), r.toString());
    assertTrue(r.out().contains("You can now use 'inertia remote add'"), r.toString());
    ProjectConfig p = ConfigFiles.loadProject(cli.projectDir.resolve("inertia.toml"));
    assertEquals("demo", p.name());
    assertEquals("git@github.com:me/demo.git", p.url());
    assertEquals("main", p.profile("default").orElseThrow().branch());
    assertEquals("docker-compose", p.profile("default").orElseThrow().build().type().wireName());

    r = cli.run("init");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("aborting: inertia configuration already exists at"), r.toString());
  }

  @Test
  void initWithoutGlobalConsentAborts() throws Exception {
    gitRepo("git@github.com:me/demo.git");
    CliRunner.Result r = cli.input("n\n", "init");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("aborting: global inertia configuration is required to set up Inertia"), r.toString());
  }

  @Test
  void initAsksForBuildWhenNoneDetectedAndNeedsGitRemote() throws Exception {
    cli.run("init", "--global");
    gitRepo(null);
    CliRunner.Result r = cli.input("\n", "init");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("could not find git repository"), r.toString());

    git("remote", "add", "upstream", "https://gitlab.com/me/x.git");
    r = cli.input("dev\ndockerfile\nbuild/Dockerfile\n", "init", "--git.remote", "upstream", "x");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("no build file detected"), r.toString());
    assertTrue(r.out().contains("  > docker-compose"), r.toString());
    ProjectConfig p = ConfigFiles.loadProject(cli.projectDir.resolve("inertia.toml"));
    assertEquals("https://gitlab.com/me/x.git", p.url());
    assertEquals("dev", p.profile("default").orElseThrow().branch());
    assertEquals("build/Dockerfile", p.profile("default").orElseThrow().build().buildfile());
  }

  @Test
  void remoteAddListShowSetRm() {
    assertEquals(1, cli.run("remote", "ls").code(), "no global config yet");
    cli.run("init", "--global");
    CliRunner.Result r =
        cli.input("\n", "remote", "add", "prod", "--ip", "10.0.0.1", "--ssh.user", "deploy");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("creating new remote 'prod'"), r.toString());
    assertTrue(r.out().contains("generating a webhook secret..."), r.toString());
    assertTrue(r.out().contains("Remote 'prod' has been added!"), r.toString());
    RemoteConfig prod = remotes().remote("prod").orElseThrow();
    assertEquals("10.0.0.1", prod.ip());
    assertEquals(cli.env.get("HOME") + "/.ssh/id_rsa", prod.ssh().identityFile());
    assertEquals("22", prod.ssh().sshPort());
    assertEquals("4303", prod.daemon().port());
    assertEquals(44, prod.daemon().webhookSecret().length());

    assertEquals(1, cli.run("remote", "add", "prod", "--ip", "x").code());
    r = cli.run("remote", "add", "project", "--ip", "x", "--ssh.user", "u", "--ssh.key", "k");
    assertTrue(r.err().contains("'project' is the name of an Inertia command"), r.toString());

    r = cli.input("my secret\n", "remote", "add", "dev", "--ip", "10.0.0.2", "--ssh.user", "u", "--ssh.key", "/k",
        "--daemon.gen-secret=false");
    assertEquals(0, r.code(), r.toString());
    assertEquals("my secret", remotes().remote("dev").orElseThrow().daemon().webhookSecret());

    r = cli.run("remote", "ls");
    assertEquals("prod\ndev\n", r.out());
    r = cli.run("--simple", "remote", "ls", "-v");
    assertTrue(r.out().contains("remote 'prod'\nIP: 10.0.0.1\n"), r.toString());
    assertTrue(r.out().contains("Daemon.Authenticated: false"), r.toString());
    assertTrue(r.out().contains("Profiles: map[]"), r.toString());
    r = cli.run("remote", "show", "dev", "--json");
    assertTrue(r.out().contains("\"ip\" : \"10.0.0.2\""), r.toString());
    assertFalse(r.out().contains("my secret"), "no secrets in JSON");
    r = cli.run("remote", "ls", "--json");
    assertTrue(r.out().trim().startsWith("["), r.toString());

    assertEquals(0, cli.run("remote", "set", "prod", "daemon.verify-ssl", "true").code());
    assertTrue(remotes().remote("prod").orElseThrow().daemon().verifySsl());
    r = cli.run("remote", "set", "prod", "daemon.verify-ssl", "false");
    assertEquals("remote 'prod' has been updated\n", r.out());
    assertFalse(remotes().remote("prod").orElseThrow().daemon().verifySsl(), "false sets false");
    r = cli.run("remote", "set", "prod", "bogus", "x");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("could not update remote 'prod'"), r.toString());
    r = cli.run("remote", "set", "nope", "ip", "x");
    assertTrue(r.err().contains("No remote 'nope' currently set up."), r.toString());

    r = cli.run("remote", "rm", "dev", "nope");
    assertEquals(1, r.code());
    assertTrue(r.out().contains("remote 'dev' removed"), r.toString());
    assertTrue(r.err().contains("failed to remove remote 'nope'"), r.toString());
    assertEquals(1, remotes().remotes().size());
    assertEquals(0, cli.run("r", "config-path").code());
    assertEquals(cli.remotesFile().toAbsolutePath() + "\n", cli.run("r", "config-path").out());
  }

  @Test
  void goldenRemotesFileLoadsAndRoundTrips() throws Exception {
    golden("inertia.remotes", cli.remotesFile());
    String before = Files.readString(cli.remotesFile());
    CliRunner.Result r = cli.run("--simple", "remote", "show", "staging");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("IP: 123.45.67.89"), r.toString());
    assertTrue(r.out().contains("Profiles: map[my_project:default]"), r.toString());
    r = cli.run("remote", "upgrade", "--all", "--version", "v0.7.0");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("updating configuration to version 'v0.7.0' for all remotes"), r.toString());
    assertEquals(ConfigFiles.loadRemotes(cli.remotesFile()), ConfigFiles.loadRemotes(writeTemp(before)));
  }

  private Path writeTemp(String text) throws IOException {
    Path p = tmp.resolve("copy.remotes");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void remoteUpgradeImportReset() throws Exception {
    cli.run("init", "--global");
    cli.run("remote", "add", "a", "--ip", "1", "--ssh.user", "u", "--ssh.key", "k");
    assertEquals(2, cli.run("remote", "upgrade").code(), "no remotes and no --all");
    CliRunner.Result r = cli.run("remote", "upgrade", "a", "--version", "v0.7.1");
    assertTrue(r.out().contains("setting configuration to version 'v0.7.1' for remotes a"), r.toString());
    assertTrue(r.out().contains("remote 'a' updated"), r.toString());
    assertEquals("v0.7.1", remotes().remote("a").orElseThrow().version());

    Path other = tmp.resolve("other.remotes");
    golden("inertia.remotes", other);
    r = cli.run("remote", "import", other.toString(), "staging");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("imported remote \"staging\" from"), r.toString());
    assertTrue(remotes().remote("staging").isPresent());
    r = cli.run("remote", "import", other.toString(), "nope");
    assertTrue(r.err().contains("no remote \"nope\" found in"), r.toString());

    r = cli.input("no\n", "remote", "reset");
    assertEquals(1, r.code());
    assertTrue(Files.exists(cli.remotesFile()));
    r = cli.input("YES\n", "remote", "reset");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("remote configuration successfully removed"), r.toString());
    assertFalse(Files.exists(cli.remotesFile()));
    r = cli.run("remote", "ls");
    assertTrue(r.err().contains("global config file doesn't exist - try running 'inertia init --global'"), r.toString());
  }

  @Test
  void projectSetProfilesApplyReset() throws Exception {
    cli.run("init", "--global");
    cli.run("remote", "add", "prod", "--ip", "1", "--ssh.user", "u", "--ssh.key", "k");
    CliRunner.Result r = cli.run("project", "set", "name", "x");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("could not find project configuration at"), r.toString());
    assertTrue(r.err().contains("try instantiating a new project using 'inertia init'"), r.toString());

    golden("inertia.toml", cli.projectDir.resolve("inertia.toml"));
    r = cli.run("project", "set", "name", "renamed");
    assertEquals(0, r.code(), r.toString());
    assertEquals("configuration setting 'name' has been updated\n", r.out());
    r = cli.run("project", "set", "profile", "x");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("configuration setting 'profile' could not be updated"), r.toString());

    r = cli.run("project", "profile", "configure", "staging", "--branch", "dev", "--build.type", "dockerfile",
        "--build.file", "Dockerfile.dev");
    assertEquals(0, r.code(), r.toString());
    assertEquals("profile 'staging' successfully updated\n", r.out());
    r = cli.run("project", "pf", "add", "bad", "--build.type", "nope", "--build.file", "f");
    assertTrue(r.err().contains("type 'nope' is not a valid build type"), r.toString());
    assertEquals(2, cli.run("project", "profile", "configure", "x", "--build.type", "dockerfile").code());

    r = cli.run("project", "profile", "ls");
    assertTrue(r.out().contains("staging"), r.toString());
    r = cli.run("--simple", "project", "profile", "show", "staging");
    assertTrue(r.out().contains("Branch: dev\nBuild.Type: dockerfile\nBuild.BuildFile: Dockerfile.dev"), r.toString());
    r = cli.run("project", "profile", "show", "nope");
    assertTrue(r.err().contains("profile 'nope' not found"), r.toString());

    r = cli.run("project", "profile", "apply", "staging", "prod");
    assertEquals(0, r.code(), r.toString());
    assertEquals("profile 'staging' successfully applied to remote 'prod'\n", r.out());
    assertEquals("staging", remotes().remote("prod").orElseThrow().profiles().get("renamed"));

    r = cli.input("\n", "project", "reset");
    assertEquals(1, r.code());
    r = cli.input("y\n", "project", "reset");
    assertEquals(0, r.code());
    assertFalse(Files.exists(cli.projectDir.resolve("inertia.toml")));
  }

  @Test
  void remoteNamedLikeACommandIsFatal() throws Exception {
    cli.run("init", "--global");
    Files.writeString(cli.remotesFile(),
        "[[remote]]\n  name = \"project\"\n  ip = \"1\"\n[[remote]]\n  name = \"prod\"\n  ip = \"2\"\n");
    CliRunner.Result r = cli.run("prod", "status");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("you have configured a remote named 'project', which is an Inertia command - "
        + "please rename it in " + cli.remotesFile().toAbsolutePath()), r.toString());
  }

  @Test
  void oldDaemonVersionIsSkippedWithWarning() throws Exception {
    cli.run("init", "--global");
    Files.writeString(cli.remotesFile(), "[[remote]]\n  version = \"v0.5.0\"\n  name = \"old\"\n  ip = \"1\"\n");
    CliRunner.Result r = cli.run("old", "status");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Failed to load remote \"old\": daemon version <0.6.2 is not supported"), r.toString());
  }

  @Test
  void sshCommandsSayNotAvailable() {
    cli.run("init", "--global");
    cli.run("remote", "add", "prod", "--ip", "1", "--ssh.user", "u", "--ssh.key", "k");
    for (String[] args : new String[][] {{"prod", "ssh"}, {"prod", "token", "--ssh"}, {"prod", "upgrade"},
        {"prod", "send", "x"}, {"prod", "send-image", "img"}}) {
      CliRunner.Result r = cli.run(args);
      assertEquals(1, r.code(), r.toString());
      assertTrue(r.err().contains("not available in this build"), r.toString());
    }
    CliRunner.Result r = cli.run("prod", "init");
    assertTrue(r.err().contains("no project found in current directory - try 'inertia init'"), r.toString());
  }

  @Test
  void remoteWithTokenButNoPinIsPinnedOverSshFirst() {
    cli.run("init", "--global");
    cli.run("remote", "add", "prod", "--ip", "127.0.0.1", "--ssh.user", "u", "--ssh.key", "k");
    cli.run("remote", "set", "prod", "daemon.token", "a-token-the-original-saved");
    CliRunner.Result r = cli.run("prod", "status");
    assertEquals(1, r.code());
    assertTrue(r.out().contains("reading ~/.inertia/ssl/daemon.cert over SSH"), r.toString());
  }

  @Test
  void remoteThatNeverRanInitPointsToInit() {
    cli.run("init", "--global");
    cli.run("remote", "add", "prod", "--ip", "127.0.0.1", "--ssh.user", "u", "--ssh.key", "k");
    CliRunner.Result r = cli.run("prod", "status");
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("error: remote 'prod' has no daemon set up yet\n"
        + "perhaps you should run 'inertia prod init'"), r.toString());
  }
}
