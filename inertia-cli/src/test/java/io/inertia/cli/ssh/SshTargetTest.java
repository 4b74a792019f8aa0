package io.inertia.cli.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.common.config.RemoteConfig;
import io.inertia.common.config.SshConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SshTargetTest {

  private static RemoteConfig remote(SshConfig ssh) {
    return new RemoteConfig("v0.8.0", "prod", "203.0.113.7", ssh, null, Map.of());
  }

  @Test
  void fromRemoteConfig() {
    SshTarget t = SshTarget.of(remote(new SshConfig("deploy", "/k/id", "2222")));
    assertEquals("203.0.113.7", t.host());
    assertEquals(2222, t.port());
    assertEquals(Path.of("/k/id"), t.identityFile());
    assertFalse(t.isRoot());
    assertEquals("[203.0.113.7]:2222", t.knownHostsName());
    assertEquals("deploy@203.0.113.7:2222", t.display());
    assertEquals(22, SshTarget.of(remote(new SshConfig("root", "/k", ""))).port());
    assertEquals("203.0.113.7", SshTarget.of(remote(new SshConfig("root", "/k", "22"))).knownHostsName());
    assertTrue(SshTarget.of(remote(new SshConfig("root", "/k", "22"))).isRoot());
  }

  @Test
  void unusableSettingsAreExplained() {
    IllegalArgumentException none =
        assertThrows(IllegalArgumentException.class, () -> SshTarget.of(remote(null)));
    assertTrue(none.getMessage().startsWith("client not configured for SSH access"));
    assertThrows(IllegalArgumentException.class, () -> SshTarget.of(remote(new SshConfig("root", "/k", "ssh"))));
    assertThrows(IllegalArgumentException.class, () -> SshTarget.of(remote(new SshConfig("", "/k", "22"))));
    assertThrows(IllegalArgumentException.class, () -> SshTarget.of(remote(new SshConfig("root", "/k", "70000"))));
  }

  @Test
  void passphraseIsNeverPrinted() {
    SshTarget t = new SshTarget("h", 22, "root", Path.of("/k"), "hunter2");
    assertFalse(t.toString().contains("hunter2"));
  }

  @Test
  void systemSshUsesTheInertiaKnownHostsStrictly() {
    SshTarget t = new SshTarget("203.0.113.7", 2222, "deploy", Path.of("/k/id"), null);
    assertEquals(
        List.of("ssh", "-p", "2222", "-i", "/k/id", "-o", "UserKnownHostsFile=/cfg/known_hosts",
            "-o", "StrictHostKeyChecking=yes", "deploy@203.0.113.7"),
        SystemSsh.commandLine(t, Path.of("/cfg/known_hosts"), List.of()));
  }

  @Test
  void shellQuoting() {
    assertEquals("'a b'", ShellWords.quote("a b"));
    assertEquals("'it'\\''s'", ShellWords.quote("it's"));
    assertEquals("''", ShellWords.quote(""));
  }
}
