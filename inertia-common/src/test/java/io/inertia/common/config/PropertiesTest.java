package io.inertia.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code project set} / {@code remote set} (docs/original.md#setting-properties) and the profile helpers (#profiles). */
class PropertiesTest {
  private static final RemoteConfig REMOTE =
      new RemoteConfig(
          "v0.7.0",
          "staging",
          "1.2.3.4",
          new SshConfig("root", "/k", "22"),
          new DaemonConfig("4303", "tok", "", "sec", true, ""),
          Map.of("p", "dev"));

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          version                 | v0.8.0  | v0.8.0
          name                    | prod    | prod
          ip                      | 5.6.7.8 | 5.6.7.8
          ssh.user                | deploy  | deploy
          ssh.identityfile        | /id     | /id
          ssh.ssh-port            | 2222    | 2222
          daemon.port             | 9999    | 9999
          daemon.token            | t2      | t2
          daemon.user             | bob     | bob
          daemon.webhook-secret   | s2      | s2
          daemon.cert-fingerprint | AA:BB   | AA:BB
          daemon.verify-ssl       | false   | false
          daemon.verify-ssl       | FALSE   | false
          daemon.verify-ssl       | f       | false
          daemon.verify-ssl       | 0       | false
          daemon.verify-ssl       | True    | true
          daemon.verify-ssl       | t       | true
          daemon.verify-ssl       | 1       | true
          """)
  void remoteSetChangesOnlyThatProperty(String property, String value, String expected) {
    RemoteConfig changed = REMOTE.withProperty(property, value);
    assertEquals(expected, get(changed, property));
    for (String other : List.of("version", "name", "ip", "ssh.user", "daemon.token")) {
      if (!other.equals(property)) {
        assertEquals(get(REMOTE, other), get(changed, other));
      }
    }
    assertEquals(REMOTE.profiles(), changed.profiles());
  }

  @Test
  void verifySslFalseReallySetsFalse() {
    assertEquals(false, REMOTE.withProperty("daemon.verify-ssl", "false").daemon().verifySsl());
    assertEquals(true, REMOTE.withProperty("daemon.verify-ssl", "false")
        .withProperty("daemon.verify-ssl", "true").daemon().verifySsl());
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "no", "", "2", "truthy"})
  void invalidBoolIsAnError(String value) {
    InvalidPropertyException e =
        assertThrows(
            InvalidPropertyException.class,
            () -> REMOTE.withProperty("daemon.verify-ssl", value));
    assertTrue(e.getMessage().startsWith("could not set property 'daemon.verify-ssl'"));
    assertEquals("daemon.verify-ssl", e.property());
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "ssh", "daemon", "profiles", "daemon.verify_ssl", "ssh.port", "Name"})
  void unknownRemotePropertyIsAnError(String property) {
    InvalidPropertyException e =
        assertThrows(InvalidPropertyException.class, () -> REMOTE.withProperty(property, "v"));
    assertEquals("could not set property '" + property + "'", e.getMessage());
  }

  @Test
  void setSshOnLoginRemoteCreatesTheSection() {
    RemoteConfig login =
        new RemoteConfig("v0.8.0", "team", "h", null, DaemonConfig.empty(), Map.of());
    RemoteConfig changed = login.withProperty("ssh.user", "root");
    assertEquals(new SshConfig("root", "", ""), changed.ssh());
    assertNull(login.ssh());
    RemoteConfig noDaemon = new RemoteConfig("v", "n", "h", null, null, null);
    assertEquals("4303", noDaemon.withProperty("daemon.port", "4303").daemon().port());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"version,v0.9.0", "name,other", "url,git@x:y/z.git"})
  void projectSet(String property, String value) {
    ProjectConfig p = new ProjectConfig("v0.7.0", "n", "u", List.of());
    ProjectConfig changed = p.withProperty(property, value);
    String actual =
        switch (property) {
          case "version" -> changed.version();
          case "name" -> changed.name();
          default -> changed.url();
        };
    assertEquals(value, actual);
  }

  @ParameterizedTest
  @ValueSource(strings = {"profile", "profile.branch", "build.type", "x"})
  void unknownProjectPropertyIsAnError(String property) {
    ProjectConfig p = new ProjectConfig("v0.7.0", "n", "u", List.of());
    InvalidPropertyException e =
        assertThrows(InvalidPropertyException.class, () -> p.withProperty(property, "v"));
    assertEquals("could not set property '" + property + "'", e.getMessage());
  }

  @Test
  void putProfileReplacesAndMovesToTheEnd() {
    Profile a = new Profile("a", "main", new Build(BuildType.DOCKERFILE, "Dockerfile"));
    Profile b = new Profile("b", "dev", new Build(BuildType.DOCKER_COMPOSE, "dc.yml"));
    ProjectConfig p = new ProjectConfig("", "n", "u", List.of(a, b));
    Profile a2 = new Profile("a", "other", new Build(BuildType.DOCKER_COMPOSE, "x.yml"));
    ProjectConfig changed = p.withProfile(a2);
    assertEquals(List.of(b, a2), changed.profiles());
    assertEquals(a2, changed.profile("a").orElseThrow());
    assertTrue(changed.profile("A").isEmpty(), "lookup is by exact name");
    assertEquals(List.of(b), changed.withoutProfile("a").profiles());
  }

  @Test
  void duplicateNamesAreRejectedByTheModel() {
    Profile a = new Profile("a", "main", null);
    assertThrows(IllegalArgumentException.class, () -> new ProjectConfig("", "", "", List.of(a, a)));
    assertThrows(
        IllegalArgumentException.class, () -> new RemotesConfig(List.of(REMOTE, REMOTE)));
  }

  @Test
  void applyProfile() {
    RemoteConfig r = REMOTE.withAppliedProfile("q", "");
    assertEquals("default", r.profiles().get("q"));
    assertEquals("default", r.appliedProfile("q"));
    assertEquals("dev", r.appliedProfile("p"));
    assertEquals("default", r.appliedProfile("unknown"));
    assertEquals("prod", r.withAppliedProfile("p", "prod").appliedProfile("p"));
  }

  @Test
  void remotesReplaceInPlaceAndRemove() {
    RemoteConfig other = REMOTE.withName("other");
    RemotesConfig c = new RemotesConfig(List.of(REMOTE, other));
    RemoteConfig upgraded = REMOTE.withVersion("v0.8.0");
    assertEquals(List.of(upgraded, other), c.withRemote(upgraded).remotes());
    assertEquals(List.of(other), c.withoutRemote("staging").remotes());
  }

  @Test
  void buildTypeWireNames() {
    assertEquals(BuildType.DOCKER_COMPOSE, BuildType.fromWireName("docker-compose"));
    assertEquals("dockerfile", BuildType.DOCKERFILE.wireName());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BuildType.fromWireName("Dockerfile"));
    assertEquals("type 'Dockerfile' is not a valid build type", e.getMessage());
  }

  private static String get(RemoteConfig r, String property) {
    return switch (property) {
      case "version" -> r.version();
      case "name" -> r.name();
      case "ip" -> r.ip();
      case "ssh.user" -> r.ssh().user();
      case "ssh.identityfile" -> r.ssh().identityFile();
      case "ssh.ssh-port" -> r.ssh().sshPort();
      case "daemon.port" -> r.daemon().port();
      case "daemon.token" -> r.daemon().token();
      case "daemon.user" -> r.daemon().user();
      case "daemon.webhook-secret" -> r.daemon().webhookSecret();
      case "daemon.cert-fingerprint" -> r.daemon().certFingerprint();
      case "daemon.verify-ssl" -> String.valueOf(r.daemon().verifySsl());
      default -> throw new AssertionError(property);
    };
  }
}
