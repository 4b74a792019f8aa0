package io.inertia.common.config;

import java.util.List;
import java.util.Map;

/**
 * Writes the two file shapes in the layout the original's BurntSushi encoder produces: top-level keys,
 * then {@code [[profile]]} / {@code [[remote]]} arrays of tables with indented sub-tables. Jackson's TOML
 * writer is not used because it writes dotted keys and inline tables instead of this layout. Strings
 * are basic strings with TOML escapes, so any value round-trips.
 */
final class TomlWriter {
  private final StringBuilder out = new StringBuilder();

  private TomlWriter() {}

  static String project(ProjectConfig config) {
    TomlWriter w = new TomlWriter();
    w.key("", "version", config.version());
    w.key("", "name", config.name());
    w.key("", "url", config.url());
    for (Profile p : config.profiles()) {
      w.out.append("\n[[profile]]\n");
      w.key("  ", "name", p.name());
      w.key("  ", "branch", p.branch());
      if (p.build() != null) {
        w.out.append("  [profile.build]\n");
        w.key("    ", "type", p.build().writtenType());
        w.key("    ", "buildfile", p.build().buildfile());
        if (!p.build().intermediaryContainers().isEmpty()) {
          w.array("    ", "intermediary_containers", p.build().intermediaryContainers());
        }
      }
      if (p.notifiers() != null) {
        w.out.append("  [profile.notifiers]\n");
        w.key("    ", "slack_notification_url", p.notifiers().slackNotificationUrl());
      }
    }
    return w.out.toString();
  }

  static String remotes(RemotesConfig config) {
    TomlWriter w = new TomlWriter();
    boolean first = true;
    for (RemoteConfig r : config.remotes()) {
      w.out.append(first ? "" : "\n").append("[[remote]]\n");
      first = false;
      w.key("  ", "version", r.version());
      w.key("  ", "name", r.name());
      w.key("  ", "ip", r.ip());
      SshConfig s = r.ssh();
      if (s != null) {
        w.out.append("  [remote.ssh]\n");
        w.key("    ", "user", s.user());
        w.key("    ", "identityfile", s.identityFile());
        w.key("    ", "ssh-port", s.sshPort());
      }
      DaemonConfig d = r.daemon();
      if (d != null) {
        w.out.append("  [remote.daemon]\n");
        w.key("    ", "port", d.port());
        w.key("    ", "token", d.token());
        if (!d.user().isEmpty()) {
          w.key("    ", "user", d.user());
        }
        w.key("    ", "webhook-secret", d.webhookSecret());
        w.out.append("    verify-ssl = ").append(d.verifySsl()).append('\n');
        if (!d.certFingerprint().isEmpty()) {
          w.key("    ", "cert-fingerprint", d.certFingerprint());
        }
        if (!d.settings().isEmpty()) {
          w.out.append("    [remote.daemon.settings]\n");
          d.settings().forEach((k, v) -> w.key("      ", k, v));
        }
      }
      w.out.append("  [remote.profiles]\n");
      for (Map.Entry<String, String> e : r.profiles().entrySet()) {
        w.out.append("    ").append(quote(e.getKey())).append(" = ").append(quote(e.getValue()));
        w.out.append('\n');
      }
    }
    return w.out.toString();
  }

  private void key(String indent, String key, String value) {
    out.append(indent).append(key).append(" = ").append(quote(value)).append('\n');
  }

  private void array(String indent, String key, List<String> values) {
    out.append(indent).append(key).append(" = [");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
    }
    out.append("]\n");
  }

  /** A TOML basic string. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\b' -> b.append("\\b");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\f' -> b.append("\\f");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\u%04X", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
