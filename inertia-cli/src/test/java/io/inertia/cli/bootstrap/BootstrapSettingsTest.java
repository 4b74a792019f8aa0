package io.inertia.cli.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BootstrapSettingsTest {

  @Test
  void defaultGitHostsComeFirstAndExtrasAreAddedOnce() {
    assertEquals(
        List.of("github.com:22", "gitlab.com:22", "bitbucket.org:22", "git.example.com:2222",
            "127.0.0.1:2200"),
        BootstrapSettings.gitHosts(" git.example.com:2222, [127.0.0.1]:2200 github.com"));
    assertEquals(3, BootstrapSettings.gitHosts(null).size());
  }

  @Test
  void defaultGitHostsCanBeReplacedOrDropped() {
    assertEquals(List.of("172.17.0.2:22"), BootstrapSettings.gitHosts("none", "172.17.0.2"));
    assertEquals(List.of("172.17.0.2:22"), BootstrapSettings.gitHosts(" ", "172.17.0.2"));
    assertEquals(
        List.of("git.example.com:22", "172.17.0.2:22"),
        BootstrapSettings.gitHosts("git.example.com", "172.17.0.2"));
    assertEquals(List.of(), BootstrapSettings.gitHosts("NONE", null));
  }

  @ParameterizedTest
  @CsvSource({
    "GitHub.com, github.com:22",
    "gitserver, gitserver:22",
    "10.0.0.5:2222, 10.0.0.5:2222",
    "[10.0.0.5]:2222, 10.0.0.5:2222",
    "[gitserver], gitserver:22"
  })
  void gitHostsAreNormalised(String in, String expected) {
    assertEquals(expected, BootstrapSettings.normaliseGitHost(in));
  }

  @ParameterizedTest
  @ValueSource(strings = {"host:0", "host:x", "[host", "a b", "$(id)", "host;rm", "[h]x"})
  void badGitHostsAreRefused(String in) {
    assertThrows(IllegalArgumentException.class, () -> BootstrapSettings.normaliseGitHost(in));
  }

  @Test
  void imageAndWebhookUrl() {
    BootstrapSettings s =
        new BootstrapSettings("prod", "203.0.113.7", "v0.8.0", "4303", "sec", null, List.of(), false);
    assertEquals("ghcr.io/ubclaunchpad/inertiad:v0.8.0", s.image());
    assertEquals("https://203.0.113.7:4303/webhook", s.webhookUrl());
  }
}
