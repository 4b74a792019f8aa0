package io.inertia.cli.command;

import io.inertia.cli.command.options.JsonOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code inertia <remote> env ls [--json]}: {@code NAME=value}, encrypted values as {@code [ENCRYPTED]}. */
@Command(
    name = "ls",
    description = "List the environment variables set on this remote (NAME=value, hidden ones as [ENCRYPTED])",
    footer = {"", "Line breaks inside values are shown as \\n (and a backslash as \\\\); --json shows values as set."})
public final class EnvLsCommand extends RemoteBaseCommand {
  @Mixin JsonOptions json;

  @Override
  protected Integer run() {
    List<String> vars = client().envList();
    if (json.json) {
      Map<String, String> out = new LinkedHashMap<>();
      for (String v : vars) {
        int eq = v.indexOf('=');
        out.put(eq < 0 ? v : v.substring(0, eq), eq < 0 ? "" : v.substring(eq + 1));
      }
      Json.print(console(), out);
      return 0;
    }
    if (vars.isEmpty()) {
      console().println("no variables configured on remote");
    } else {
      // One line per variable: line breaks and backslashes inside values are escaped.
      vars.forEach(v -> console().raw(v.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n")));
    }
    return 0;
  }
}
