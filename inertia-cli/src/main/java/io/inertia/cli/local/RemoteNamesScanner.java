package io.inertia.cli.local;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads only the remote names of an {@code inertia.remotes} file, without Jackson, for the start-up
 * time of {@code inertia remote ls} (docs/performance.md, P1b). It accepts a strict subset of TOML: the layout
 * the original and this port write ({@code [[remote]]}, {@code [remote.ssh]}, {@code [remote.daemon]},
 * {@code [remote.profiles]}, one {@code key = "string"} per line, {@code verify-ssl = true|false},
 * comments). For anything else (other tables or value types, escapes, duplicates) it answers empty and
 * the caller uses the full loader, so a file is never read differently from {@code ConfigFiles}.
 */
public final class RemoteNamesScanner {
  private RemoteNamesScanner() {}

  /** The names in file order, or empty when the file is outside the subset. */
  public static Optional<List<String>> names(String text) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    Set<String> keys = null;
    Set<String> tablesOfRemote = null;
    String table = null;
    String name = null;
    boolean inRemote = false;
    for (String raw : text.split("\n", -1)) {
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[")) {
        if (line.equals("[[remote]]")) {
          if (inRemote) {
            names.add(name == null ? "" : name);
          }
          inRemote = true;
          name = null;
          table = "";
          keys = new HashSet<>();
          tablesOfRemote = new HashSet<>();
          continue;
        }
        if (!inRemote) {
          return Optional.empty();
        }
        String sub =
            switch (line) {
              case "[remote.ssh]" -> "ssh";
              case "[remote.daemon]" -> "daemon";
              case "[remote.profiles]" -> "profiles";
              default -> null;
            };
        if (sub == null || !tablesOfRemote.add(sub) || keys.contains(sub)) {
          return Optional.empty();
        }
        table = sub;
        keys = new HashSet<>();
        continue;
      }
      if (!inRemote) {
        return Optional.empty();
      }
      int eq = keyEnd(line);
      if (eq < 0) {
        return Optional.empty();
      }
      String key = unquoteKey(line.substring(0, eq).strip());
      if (key == null || !keys.add(key) || (table.isEmpty() && tablesOfRemote.contains(key))) {
        return Optional.empty();
      }
      String value = line.substring(eq + 1).strip();
      if (table.equals("daemon") && key.equals("verify-ssl")) {
        String v = stripComment(value);
        if (!v.equals("true") && !v.equals("false")) {
          return Optional.empty();
        }
        continue;
      }
      String s = string(value);
      if (s == null) {
        return Optional.empty();
      }
      if (table.isEmpty() && key.equals("name")) {
        name = s;
      }
    }
    if (inRemote) {
      names.add(name == null ? "" : name);
    }
    if (new HashSet<>(names).size() != names.size()) {
      return Optional.empty();
    }
    return Optional.of(names);
  }

  /** Index of the {@code =} after a bare or simply quoted key, or -1. */
  private static int keyEnd(String line) {
    if (line.startsWith("\"")) {
      int close = line.indexOf('"', 1);
      if (close < 0) {
        return -1;
      }
      int eq = line.indexOf('=', close);
      return eq > 0 && line.substring(close + 1, eq).isBlank() ? eq : -1;
    }
    return line.indexOf('=');
  }

  private static String unquoteKey(String key) {
    if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
      String inner = key.substring(1, key.length() - 1);
      return inner.indexOf('"') < 0 && inner.indexOf('\\') < 0 ? inner : null;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 128) && c != '_' && c != '-') {
        return null;
      }
    }
    return key.isEmpty() ? null : key;
  }

  /** A one-line basic string without escapes, optionally followed by a comment; else null. */
  private static String string(String value) {
    if (!value.startsWith("\"") || value.startsWith("\"\"\"")) {
      return null;
    }
    int close = value.indexOf('"', 1);
    if (close < 0) {
      return null;
    }
    String inner = value.substring(1, close);
    if (inner.indexOf('\\') >= 0) {
      return null;
    }
    for (int i = 0; i < inner.length(); i++) {
      if (inner.charAt(i) < 0x20 && inner.charAt(i) != '\t') {
        return null;
      }
    }
    String rest = value.substring(close + 1).strip();
    return rest.isEmpty() || rest.startsWith("#") ? inner : null;
  }

  private static String stripComment(String value) {
    int hash = value.indexOf('#');
    return (hash < 0 ? value : value.substring(0, hash)).strip();
  }
}
