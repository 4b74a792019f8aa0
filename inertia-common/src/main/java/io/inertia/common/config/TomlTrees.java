package io.inertia.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a parsed TOML tree to the records of this package, by hand and without reflection, so that every
 * type error names the key. Unknown keys are ignored, as the original's decoder ignores them.
 */
final class TomlTrees {
  private TomlTrees() {}

  /** A problem in the content of a file; the caller adds the file name. */
  static final class Problem extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Problem(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static ProjectConfig project(ObjectNode root) {
    List<Profile> profiles = new ArrayList<>();
    List<ObjectNode> tables = tableArray(root, "profile", At.ROOT);
    for (int i = 0; i < tables.size(); i++) {
      profiles.add(profile(tables.get(i), i));
    }
    try {
      return new ProjectConfig(
          str(root, "version", At.ROOT), str(root, "name", At.ROOT), str(root, "url", At.ROOT), profiles);
    } catch (IllegalArgumentException e) {
      throw new Problem(e.getMessage(), e);
    }
  }

  static RemotesConfig remotes(ObjectNode root) {
    List<RemoteConfig> remotes = new ArrayList<>();
    List<ObjectNode> tables = tableArray(root, "remote", At.ROOT);
    for (int i = 0; i < tables.size(); i++) {
      remotes.add(remote(tables.get(i), i));
    }
    try {
      return new RemotesConfig(remotes);
    } catch (IllegalArgumentException e) {
      throw new Problem(e.getMessage(), e);
    }
  }

  private static Profile profile(ObjectNode t, int index) {
    At where = where("profile", t, index);
    String name = str(t, "name", where);
    String branch = str(t, "branch", where);
    Build build = null;
    ObjectNode b = table(t, "build", where);
    if (b != null) {
      String type = str(b, "type", where.in("build"));
      String buildfile = str(b, "buildfile", where.in("build"));
      List<String> intermediary = strArray(b, "intermediary_containers", where.in("build"));
      BuildType buildType = BuildType.fromWireNameOrNull(type);
      build =
          buildType == null
              ? Build.ofUnknownType(type, buildfile, intermediary)
              : new Build(buildType, buildfile, intermediary);
    }
    Notifiers notifiers = null;
    ObjectNode n = table(t, "notifiers", where);
    if (n != null) {
      notifiers = new Notifiers(str(n, "slack_notification_url", where.in("notifiers")));
    }
    return new Profile(name, branch, build, notifiers);
  }

  private static RemoteConfig remote(ObjectNode t, int index) {
    At where = where("remote", t, index);
    SshConfig ssh = null;
    ObjectNode s = table(t, "ssh", where);
    if (s != null) {
      At w = where.in("ssh");
      ssh = new SshConfig(str(s, "user", w), str(s, "identityfile", w), str(s, "ssh-port", w));
    }
    DaemonConfig daemon = null;
    ObjectNode d = table(t, "daemon", where);
    if (d != null) {
      At w = where.in("daemon");
      daemon =
          new DaemonConfig(
              str(d, "port", w),
              str(d, "token", w),
              str(d, "user", w),
              str(d, "webhook-secret", w),
              bool(d, "verify-ssl", w),
              str(d, "cert-fingerprint", w),
              stringTable(d, "settings", w));
    }
    Map<String, String> profiles = new LinkedHashMap<>();
    ObjectNode p = table(t, "profiles", where);
    if (p != null) {
      p.fieldNames().forEachRemaining(k -> profiles.put(k, str(p, k, where.in("profiles"))));
    }
    return new RemoteConfig(
        str(t, "version", where), str(t, "name", where), str(t, "ip", where), ssh, daemon, profiles);
  }

  /** A table of string values (e.g. {@code [remote.daemon.settings]}), empty when absent. */
  private static Map<String, String> stringTable(ObjectNode t, String key, At where) {
    Map<String, String> m = new LinkedHashMap<>();
    ObjectNode table = table(t, key, where);
    if (table != null) {
      table.fieldNames().forEachRemaining(k -> m.put(k, str(table, k, where.in(key))));
    }
    return m;
  }

  /** "remote 'staging'" or "remote #2" (1-based) when the table has no usable name. */
  private static At where(String kind, ObjectNode t, int index) {
    JsonNode name = t.get("name");
    if (name != null && name.isTextual() && !name.asText().isEmpty()) {
      return new At(kind + " '" + name.asText() + "'", "");
    }
    return new At(kind + " #" + (index + 1), "");
  }

  private static String str(ObjectNode t, String key, At where) {
    JsonNode v = t.get(key);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      throw wrongType(where, key, "a string", v);
    }
    return v.asText();
  }

  private static boolean bool(ObjectNode t, String key, At where) {
    JsonNode v = t.get(key);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw wrongType(where, key, "a boolean (true or false, without quotes)", v);
    }
    return v.booleanValue();
  }

  private static ObjectNode table(ObjectNode t, String key, At where) {
    JsonNode v = t.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw wrongType(where, key, "a table", v);
    }
    return (ObjectNode) v;
  }

  private static List<ObjectNode> tableArray(ObjectNode t, String key, At where) {
    JsonNode v = t.get(key);
    List<ObjectNode> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw wrongType(where, key, "an array of tables ([[" + key + "]])", v);
    }
    for (JsonNode e : v) {
      if (!e.isObject()) {
        throw wrongType(where, key, "an array of tables ([[" + key + "]])", e);
      }
      out.add((ObjectNode) e);
    }
    return out;
  }

  private static List<String> strArray(ObjectNode t, String key, At where) {
    JsonNode v = t.get(key);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw wrongType(where, key, "an array of strings", v);
    }
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        throw wrongType(where, key, "an array of strings", v);
      }
      out.add(e.asText());
    }
    return out;
  }

  private static Problem wrongType(At at, String key, String expected, JsonNode found) {
    return new Problem(
        "key '" + at.prefix() + key + "'" + (at.owner().isEmpty() ? "" : " of " + at.owner())
            + " must be " + expected + ", not " + typeName(found),
        null);
  }

  /** Where a key sits: the owning table ("remote 'staging'") and the dotted prefix ("daemon."). */
  private record At(String owner, String prefix) {
    static final At ROOT = new At("", "");

    At in(String table) {
      return new At(owner, prefix + table + ".");
    }
  }

  private static String typeName(JsonNode n) {
    if (n.isTextual()) {
      return "a string";
    } else if (n.isBoolean()) {
      return "a boolean";
    } else if (n.isIntegralNumber()) {
      return "an integer";
    } else if (n.isNumber()) {
      return "a float";
    } else if (n.isArray()) {
      return "an array";
    } else if (n.isObject()) {
      return "a table";
    }
    return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
