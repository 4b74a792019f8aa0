package io.inertia.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.common.config.ConfigFiles;
import io.inertia.common.config.DaemonConfig;
import io.inertia.common.config.RemoteConfig;
import io.inertia.common.config.RemotesConfig;
import io.inertia.common.config.SshConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteNamesScannerTest {
  @Test
  void goldenFileOfTheOriginal() throws IOException {
    String text;
    try (InputStream in = getClass().getResourceAsStream("/golden/inertia.remotes")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(Optional.of(List.of("staging")), RemoteNamesScanner.names(text));
  }

  @Test
  void whatThisPortWritesIsReadTheSame() {
    RemotesConfig config =
        new RemotesConfig(
            List.of(
                new RemoteConfig("v0.8.0", "prod", "1.2.3.4", new SshConfig("root", "/k", "22"),
                    new DaemonConfig("4303", "tok", "alice", "sec=", true, "SHA256:AB:CD"), Map.of("p", "default")),
                new RemoteConfig("", "team", "5.6.7.8", null, new DaemonConfig("4303", "", "", "", false, ""), Map.of()),
                new RemoteConfig("v0.8.0", "bare", "9.9.9.9", null, null, Map.of())));
    String text = ConfigFiles.toToml(config);
    assertEquals(Optional.of(List.of("prod", "team", "bare")), RemoteNamesScanner.names(text), text);
    assertEquals(Optional.of(List.of()), RemoteNamesScanner.names(ConfigFiles.toToml(RemotesConfig.empty())));
  }

  @Test
  void commentsAndCrLf() {
    String text = "# mine\r\n[[remote]]\r\n  name = \"a\" # prod\r\n  [remote.daemon]\r\n    verify-ssl = false # x\r\n";
    assertEquals(Optional.of(List.of("a")), RemoteNamesScanner.names(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "remote = [{name = \"a\"}]",
    "[[remote]]\nname = \"a\\u0041\"",
    "[[remote]]\nname = 'a'",
    "[[remote]]\nname = \"a\"\nname = \"b\"",
    "[[remote]]\nname = \"a\"\n[[remote]]\nname = \"a\"",
    "[[remote]]\nname = 5",
    "[[remote]]\n[remote.daemon]\nverify-ssl = \"true\"",
    "[[remote]]\n[remote.daemon]\nport = 4303",
    "[[remote]]\nssh = \"x\"\n[remote.ssh]\nuser = \"u\"",
    "[[remote]]\n[remote.ssh]\n[remote.ssh]",
    "[remote.ssh]\nuser = \"u\"",
    "[[remote]]\nname = \"\"\"a\"\"\"",
    "[[remote]]\nname.first = \"a\"",
    "[[remote]]\n[remote.other]\nx = \"y\"",
    "x = \"y\"\n[[remote]]",
    "[[remote]]\nname = \"a\" trailing",
  })
  void anythingOutsideTheSubsetIsLeftToTheFullLoader(String text) {
    assertTrue(RemoteNamesScanner.names(text).isEmpty(), text);
  }
}
