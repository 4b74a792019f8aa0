package io.inertia.cli.command;

import io.inertia.cli.output.Console;
import io.inertia.common.config.DaemonConfig;
import io.inertia.common.config.RemoteConfig;
import io.inertia.common.config.SshConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The details block of {@code remote ls -v} and {@code remote show}, and its JSON form (no secrets). */
final class RemoteDetails {
  private RemoteDetails() {}

  static void print(Console console, RemoteConfig r) {
    DaemonConfig d = r.daemon() == null ? DaemonConfig.empty() : r.daemon();
    SshConfig s = r.ssh() == null ? SshConfig.empty() : r.ssh();
    console.println(":computer: IP: " + r.ip());
    console.println(":bookmark: Version: " + r.version());
    console.println(":electric_plug: Daemon.Port: " + d.port());
    console.println(":lock: Daemon.Authenticated: " + !d.token().isEmpty());
    console.println(":lock: Daemon.VerifySSL: " + d.verifySsl());
    console.println(":lock: Daemon.CertFingerprint: " + d.certFingerprint());
    console.println(":dancer: SSH.User: " + s.user());
    console.println(":key: SSH.IdentityFile: " + s.identityFile());
    console.println(":electric_plug: SSH.Port: " + s.sshPort());
    console.println(":books: Profiles: " + goMap(r.profiles()));
  }

  /** Go's {@code fmt} rendering of a map: {@code map[a:b c:d]}, keys sorted. */
  static String goMap(Map<String, String> m) {
    return m.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + ":" + e.getValue())
        .collect(Collectors.joining(" ", "map[", "]"));
  }

  static Map<String, Object> json(RemoteConfig r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("version", r.version());
    m.put("ip", r.ip());
    if (r.ssh() != null) {
      Map<String, Object> ssh = new LinkedHashMap<>();
      ssh.put("user", emptyToNull(r.ssh().user()));
      ssh.put("identityfile", r.ssh().identityFile());
      ssh.put("ssh-port", number(r.ssh().sshPort()));
      m.put("ssh", ssh);
    }
    DaemonConfig d = r.daemon() == null ? DaemonConfig.empty() : r.daemon();
    Map<String, Object> daemon = new LinkedHashMap<>();
    daemon.put("port", number(d.port()));
    daemon.put("user", emptyToNull(d.user()));
    daemon.put("authenticated", !d.token().isEmpty());
    daemon.put("verify-ssl", d.verifySsl());
    daemon.put("cert-fingerprint", d.certFingerprint());
    m.put("daemon", daemon);
    m.put("profiles", r.profiles());
    return m;
  }

  /** A port as a JSON number when it is one (the remotes file keeps it as a string). */
  private static Object number(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return value.isEmpty() ? null : value;
    }
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
