package io.inertia.cli.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The top-level built-in commands, in the original's order; remote names must not clash with them. */
public final class BuiltinCommands {
  /** Name → class, in display order. */
  public static final Map<String, Class<?>> COMMANDS = commands();

  /** Every name a remote may not take: commands, aliases and {@code help}. */
  public static final Set<String> RESERVED =
      Set.of("init", "project", "remote", "r", "provision", "contrib", "help", "version", "completion");

  private BuiltinCommands() {}

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("init", InitCommand.class);
    m.put("project", ProjectCommand.class);
    m.put("remote", RemoteCommand.class);
    m.put("provision", ProvisionCommand.class);
    m.put("completion", CompletionCommand.class);
    return m;
  }

  /** The built-in a first argument names ({@code r} is {@code remote}), or null. */
  public static String resolve(String arg) {
    if (arg == null) {
      return null;
    }
    if (arg.equals("r")) {
      return "remote";
    }
    return COMMANDS.containsKey(arg) ? arg : null;
  }
}
