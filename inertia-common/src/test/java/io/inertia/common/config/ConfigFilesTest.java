package io.inertia.common.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigFilesTest {
  @TempDir Path dir;

  private Path golden(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/golden/" + name)) {
      Path p = dir.resolve(name);
      Files.write(p, in.readAllBytes());
      return p;
    }
  }

  private static final ProjectConfig EXPECTED_PROJECT =
      new ProjectConfig(
          "v0.7.0",
          "my_project",
          "git@github.com:greatrepo/amazingproject.git",
          List.of(
              new Profile(
                  "default",
                  "master",
                  new Build(BuildType.DOCKERFILE, "Dockerfile", List.of("nginx")),
                  new Notifiers("https://hooks.slack.com/services/...")),
              new Profile(
                  "dev",
                  "dev",
                  new Build(BuildType.DOCKER_COMPOSE, "dev/docker-compose.yml"),
                  null)));

  private static final RemotesConfig EXPECTED_REMOTES =
      new RemotesConfig(
          List.of(
              new RemoteConfig(
                  "v0.7.0",
                  "staging",
                  "123.45.67.89",
                  new SshConfig("root", "/home/me/.ssh/id_rsa", "22"),
                  new DaemonConfig(
                      "4303",
                      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9....",
                      "",
                      "Zx3...=",
                      false,
                      ""),
                  Map.of("my_project", "default"))));

  @Test
  void goldenProjectLoadsWithEveryField() throws IOException {
    ProjectConfig p = ConfigFiles.loadProject(golden("inertia.toml"));
    assertEquals(EXPECTED_PROJECT, p);
    assertEquals("nginx", p.profile("default").orElseThrow().build().intermediaryContainers().get(0));
    assertNull(p.profile("dev").orElseThrow().notifiers());
  }

  @Test
  void goldenRemotesLoadWithEveryField() throws IOException {
    RemotesConfig r = ConfigFiles.loadRemotes(golden("inertia.remotes"));
    assertEquals(EXPECTED_REMOTES, r);
    assertEquals("default", r.remote("staging").orElseThrow().appliedProfile("my_project"));
  }

  @Test
  void projectRoundTripKeepsEveryFieldAndKeys() throws IOException {
    Path out = dir.resolve("out/inertia.toml");
    ConfigFiles.saveProject(out, ConfigFiles.loadProject(golden("inertia.toml")));
    assertEquals(EXPECTED_PROJECT, ConfigFiles.loadProject(out));
    String text = Files.readString(out);
    for (String s :
        List.of(
            "version = \"v0.7.0\"\n",
            "[[profile]]\n",
            "  [profile.build]\n",
            "    type = \"dockerfile\"\n",
            "    buildfile = \"Dockerfile\"\n",
            "    intermediary_containers = [\"nginx\"]\n",
            "  [profile.notifiers]\n",
            "    slack_notification_url = \"https://hooks.slack.com/services/...\"\n",
            "    type = \"docker-compose\"\n")) {
      assertTrue(text.contains(s), () -> "missing " + s + " in\n" + text);
    }
    assertSameKeysAndTypes(golden("inertia.toml"), out);
  }

  @Test
  void remotesRoundTripKeepsEveryFieldAndKeys() throws IOException {
    Path out = dir.resolve("inertia.remotes.out");
    ConfigFiles.saveRemotes(out, ConfigFiles.loadRemotes(golden("inertia.remotes")));
    assertEquals(EXPECTED_REMOTES, ConfigFiles.loadRemotes(out));
    String text = Files.readString(out);
    for (String s :
        List.of(
            "[[remote]]\n",
            "  [remote.ssh]\n",
            "    ssh-port = \"22\"\n",
            "  [remote.daemon]\n",
            "    port = \"4303\"\n",
            "    webhook-secret = \"Zx3...=\"\n",
            "    verify-ssl = false\n",
            "  [remote.profiles]\n",
            "    \"my_project\" = \"default\"\n")) {
      assertTrue(text.contains(s), () -> "missing " + s + " in\n" + text);
    }
    assertFalse(text.contains("user = \"\""), "empty daemon.user is omitted");
    assertFalse(text.contains("cert-fingerprint"), "empty cert-fingerprint is omitted");
    assertSameKeysAndTypes(golden("inertia.remotes"), out);
    assertEquals(Files.readString(golden("inertia.remotes")).strip(), text.strip(), "same layout");
  }

  /** The written file, read back by a generic TOML reader, has exactly the golden file's tree. */
  private static void assertSameKeysAndTypes(Path expected, Path actual) throws IOException {
    TomlMapper toml = new TomlMapper();
    JsonNode a = toml.readTree(Files.readAllBytes(expected));
    JsonNode b = toml.readTree(Files.readAllBytes(actual));
    assertEquals(a, b);
  }

  @Test
  void loginRemoteWithoutSshAndWithNewKeysRoundTrips() {
    RemoteConfig login =
        new RemoteConfig(
            "v0.8.0",
            "team",
            "10.0.0.1",
            null,
            new DaemonConfig("4303", "tok", "alice", "", true, "AB:CD:EF"),
            Map.of());
    RemotesConfig config = RemotesConfig.empty().withRemote(login);
    Path out = dir.resolve("inertia.remotes");
    ConfigFiles.saveRemotes(out, config);
    RemotesConfig back = ConfigFiles.loadRemotes(out);
    assertEquals(config, back);
    assertNull(back.remote("team").orElseThrow().ssh());
    String text = ConfigFiles.toToml(config);
    assertFalse(text.contains("[remote.ssh]"));
    assertTrue(text.contains("    user = \"alice\"\n"));
    assertTrue(text.contains("    verify-ssl = true\n"));
    assertTrue(text.contains("    cert-fingerprint = \"AB:CD:EF\"\n"));
  }

  @Test
  void awkwardStringsAreEscapedAndRoundTrip() {
    String nasty = "a \"quoted\" \\ back\tslash\nnew line \u0001 ünï";
    ProjectConfig p =
        new ProjectConfig("v0.8.0", nasty, nasty, List.of(new Profile("x", nasty, null)));
    Path out = dir.resolve("inertia.toml");
    ConfigFiles.saveProject(out, p);
    assertEquals(p, ConfigFiles.loadProject(out));
  }

  @Test
  void emptyRemotesFileRoundTrips() throws IOException {
    Path out = dir.resolve("inertia.remotes");
    ConfigFiles.saveRemotes(out, RemotesConfig.empty());
    assertEquals("", Files.readString(out));
    assertEquals(RemotesConfig.empty(), ConfigFiles.loadRemotes(out));
  }

  @Test
  void unknownKeysAreIgnored() throws IOException {
    Path f = dir.resolve("inertia.remotes");
    Files.writeString(
        f,
        "future = 1\n[[remote]]\n  name = \"a\"\n  shiny = true\n  [remote.daemon]\n"
            + "    port = \"4303\"\n    later = [1, 2]\n  [remote.extra]\n    x = 1\n");
    RemoteConfig a = ConfigFiles.loadRemotes(f).remote("a").orElseThrow();
    assertEquals("4303", a.daemon().port());
  }

  @Test
  void otherValidTomlLayoutsReadTheSame() throws IOException {
    Path f = dir.resolve("inertia.remotes");
    Files.writeString(
        f,
        "remote = [{ version = \"v0.7.0\", name = \"staging\", ip = \"123.45.67.89\","
            + " ssh.user = \"root\", ssh.identityfile = \"/home/me/.ssh/id_rsa\","
            + " ssh.ssh-port = \"22\", daemon = { port = \"4303\","
            + " token = \"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9....\","
            + " webhook-secret = 'Zx3...=', verify-ssl = false },"
            + " profiles = { my_project = \"default\" } }]\n");
    assertEquals(EXPECTED_REMOTES, ConfigFiles.loadRemotes(f));
  }

  @Test
  void saveReplacesAtomicallyAndLeavesNoTempFile() throws IOException {
    Path out = dir.resolve("inertia.toml");
    Files.writeString(out, "old");
    ConfigFiles.saveProject(out, EXPECTED_PROJECT);
    assertEquals(EXPECTED_PROJECT, ConfigFiles.loadProject(out));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(out), files.toList());
    }
  }

  @Test
  void newRemotesFileIsPrivateAndExistingModesAreKept() throws IOException {
    Path remotes = dir.resolve("inertia.remotes");
    ConfigFiles.saveRemotes(remotes, EXPECTED_REMOTES);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(remotes)));
    Path project = dir.resolve("inertia.toml");
    Files.writeString(project, "");
    Files.setPosixFilePermissions(project, PosixFilePermissions.fromString("rw-rw-r--"));
    ConfigFiles.saveProject(project, EXPECTED_PROJECT);
    assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(project)));
  }

  @Test
  void saveThroughSymlinkReplacesTheTarget() throws IOException {
    Path real = dir.resolve("real.remotes");
    Files.writeString(real, "");
    Path link = Files.createSymbolicLink(dir.resolve("inertia.remotes"), real);
    ConfigFiles.saveRemotes(link, EXPECTED_REMOTES);
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(EXPECTED_REMOTES, ConfigFiles.loadRemotes(real));
  }

  @Test
  void failedSaveThrowsAndTouchesNothing() throws IOException {
    Path blocker = dir.resolve("not-a-dir");
    Files.writeString(blocker, "x");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigFiles.saveRemotes(blocker.resolve("inertia.remotes"), EXPECTED_REMOTES));
    assertTrue(e.getMessage().startsWith("failed to write configuration file '"), e.getMessage());
    assertEquals("x", Files.readString(blocker));
  }

  @Test
  void missingFileIsOneClearException() {
    Path f = dir.resolve("nope.toml");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigFiles.loadProject(f));
    assertTrue(e.isMissingFile());
    assertEquals("failed to read configuration file '" + f + "': file does not exist", e.getMessage());
    assertFalse(Files.exists(f));
  }

  @ParameterizedTest(name = "type = \"{0}\"")
  @ValueSource(strings = {"", "x", "Dockerfile"})
  void unknownBuildTypeLoadsAsComposeAndIsWrittenBackAsGiven(String type) throws IOException {
    Path f = dir.resolve("inertia.toml");
    String content =
        "version = \"v0.7.0\"\nname = \"p\"\nurl = \"u\"\n\n[[profile]]\n  name = \"a\"\n  branch = \"main\"\n"
            + "  [profile.build]\n    type = \"" + type + "\"\n    buildfile = \"docker-compose.yml\"\n";
    Files.writeString(f, content);
    ProjectConfig p = ConfigFiles.loadProject(f);
    Build b = p.profile("a").orElseThrow().build();
    assertEquals(BuildType.DOCKER_COMPOSE, b.type());
    assertTrue(b.hasUnknownType());
    assertEquals(type, b.unknownType());
    ConfigFiles.saveProject(f, p);
    assertEquals(p, ConfigFiles.loadProject(f));
    assertTrue(Files.readString(f).contains("type = \"" + type + "\""), Files.readString(f));
  }

  @Test
  void daemonSettingsRoundTripInTheirOwnTable() throws IOException {
    Path f = dir.resolve("inertia.remotes");
    RemoteConfig r = new RemoteConfig("v0.8.0", "prod", "1.2.3.4", new SshConfig("root", "/k", "22"),
        new DaemonConfig("4303", "t", "", "s", false, "SHA256:AA",
            Map.of("INERTIA_SESSION_TTL", "PT2H", "INERTIA_PUBLIC_BADGE", "true")), Map.of());
    ConfigFiles.saveRemotes(f, new RemotesConfig(List.of(r)));
    String text = Files.readString(f);
    assertTrue(text.contains("    [remote.daemon.settings]\n      INERTIA_PUBLIC_BADGE = \"true\"\n"
        + "      INERTIA_SESSION_TTL = \"PT2H\"\n  [remote.profiles]"), text);
    assertEquals(r, ConfigFiles.loadRemotes(f).remote("prod").orElseThrow());
    assertEquals(Map.of(), new DaemonConfig("4303", "t", "", "s", false, "").settings());
  }

  @Test
  void knownBuildTypeIsNotMarkedUnknown() {
    assertFalse(new Build(BuildType.DOCKERFILE, "Dockerfile").hasUnknownType());
    assertEquals("dockerfile", new Build(BuildType.DOCKERFILE, "Dockerfile").writtenType());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          syntax error     | P | version = "v0.7.0"\\nname = \\n                                  | TOML syntax error at line 2
          dup profile      | P | [[profile]]\\nname = "a"\\n[[profile]]\\nname = "a"\\n           | profile name 'a' is duplicated
          int for string   | P | name = 3\\n                                                    | key 'name' must be a string, not an integer
          profile as table | P | [profile]\\nname = "a"\\n                                      | key 'profile' must be an array of tables ([[profile]]), not a table
          dup remote       | R | [[remote]]\\nname = "s"\\n[[remote]]\\nname = "s"\\n             | remote name 's' is duplicated
          string for bool  | R | [[remote]]\\nname = "s"\\n[remote.daemon]\\nverify-ssl = "false"\\n | key 'daemon.verify-ssl' of remote 's' must be a boolean (true or false, without quotes), not a string
          int port         | R | [[remote]]\\n[remote.ssh]\\nssh-port = 22\\n                    | key 'ssh.ssh-port' of remote #1 must be a string, not an integer
          """)
  void badFilesGiveOneClearMessageAndStayUnchanged(
      String title, String kind, String content, String problem) throws IOException {
    Path f = dir.resolve(kind.equals("P") ? "inertia.toml" : "inertia.remotes");
    byte[] bytes = content.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
    Files.write(f, bytes);
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> {
              if (kind.equals("P")) {
                ConfigFiles.loadProject(f);
              } else {
                ConfigFiles.loadRemotes(f);
              }
            });
    String prefix = "failed to read configuration file '" + f + "': ";
    assertTrue(
        e.getMessage().startsWith(prefix + problem),
        () -> "expected <" + prefix + problem + "...> but was <" + e.getMessage() + ">");
    assertEquals(f, e.file());
    assertArrayEquals(bytes, Files.readAllBytes(f));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "nothing else written");
    }
  }
}
