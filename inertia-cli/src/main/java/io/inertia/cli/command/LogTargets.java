package io.inertia.cli.command;

import io.inertia.cli.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which containers {@code logs} reads: an exact container name (with or without Docker's leading
 * {@code /}), a compose service name ({@code web} for {@code demo-web-1} or {@code demo_web_1}, every
 * replica), or, with no name, every container of the project. Each target carries the label that
 * prefixes its lines when several are shown.
 */
final class LogTargets {
  /** The daemon's own container, as the daemon names it. */
  static final String DAEMON = "/inertia-daemon";

  private LogTargets() {}

  /**
   * @param wanted what the user typed, or null for all
   * @param running the project's containers from {@code status}
   * @param project the project name from {@code inertia.toml}, or null
   * @return container name (with {@code /}) → label, in {@code running} order
   * @throws UsageException naming the valid names when nothing matches
   */
  static Map<String, String> resolve(String wanted, List<String> running, String project, String remote) {
    Map<String, String> all = resolveAll(running, project);
    if (wanted == null || wanted.isEmpty()) {
      if (all.isEmpty()) {
        throw new io.inertia.cli.CliException("no containers of the project are running on remote '" + remote + "'",
            "perhaps you should run 'inertia " + remote + " up'; 'inertia " + remote
                + " logs --daemon' shows the daemon's own log");
      }
      return all;
    }
    String name = bare(wanted);
    Map<String, String> out = new LinkedHashMap<>();
    if (all.containsKey("/" + name)) {
      out.put("/" + name, all.get("/" + name));
      return out;
    }
    for (Map.Entry<String, String> e : all.entrySet()) {
      String bare = e.getKey().substring(1);
      if (bare.matches(".*[-_]" + java.util.regex.Pattern.quote(name) + "[-_]\\d+")) {
        out.put(e.getKey(), e.getValue());
      }
    }
    if (out.isEmpty()) {
      throw new UsageException("no container or service '" + name + "' is running on remote '" + remote + "'",
          all.isEmpty()
              ? "no containers of the project are running; 'inertia " + remote + " logs --daemon' shows the daemon's log"
              : "running: " + String.join(", ", choices(all)) + " (or --daemon for the daemon's own log)");
    }
    return out;
  }

  /** Every running container (with {@code /}) → its label. */
  static Map<String, String> resolveAll(List<String> running, String project) {
    Map<String, String> all = new LinkedHashMap<>();
    for (String c : running == null ? List.<String>of() : running) {
      String bare = bare(c);
      all.put("/" + bare, label(bare, project));
    }
    return all;
  }

  /** Service names and container names a user may type. */
  static List<String> choices(Map<String, String> all) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : all.entrySet()) {
      String bare = e.getKey().substring(1);
      if (!out.contains(e.getValue())) {
        out.add(e.getValue());
      }
      if (!e.getValue().equals(bare)) {
        out.add(bare);
      }
    }
    return out;
  }

  static String bare(String container) {
    return container.startsWith("/") ? container.substring(1) : container;
  }

  /** {@code web} for {@code demo-web-1} / {@code demo_web_1} of project {@code demo}; else the name. */
  static String label(String bare, String project) {
    if (project != null && !project.isEmpty()) {
      for (String sep : List.of("-", "_")) {
        String prefix = project.toLowerCase(java.util.Locale.ROOT) + sep;
        if (bare.startsWith(prefix) && bare.matches(".*" + sep + "\\d+")) {
          return bare.substring(prefix.length(), bare.lastIndexOf(sep));
        }
      }
    }
    return bare;
  }
}
