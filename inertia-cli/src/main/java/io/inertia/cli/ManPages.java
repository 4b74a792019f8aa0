package io.inertia.cli;

import io.inertia.common.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Man pages in roff ({@code man 1}), one per command, written straight from the command tree: no
 * AsciiDoc toolchain is needed to build them. {@code inertia-remote-add.1} documents
 * {@code inertia remote add}; per-remote commands are documented as {@code inertia REMOTE …}.
 */
final class ManPages {
  private ManPages() {}

  /** Writes one page per command under {@code dir}; returns the files written. */
  static List<Path> write(CommandLine root, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    Map<CommandLine, Boolean> seen = new IdentityHashMap<>();
    List<CommandLine> todo = new ArrayList<>(List.of(root));
    while (!todo.isEmpty()) {
      CommandLine cl = todo.remove(0);
      if (seen.put(cl, Boolean.TRUE) != null) {
        continue;
      }
      todo.addAll(cl.getSubcommands().values());
      Path file = dir.resolve(fileName(cl.getCommandSpec()) + ".1");
      Files.writeString(file, page(cl.getCommandSpec()));
      written.add(file);
    }
    return written;
  }

  static String fileName(CommandSpec spec) {
    return spec.qualifiedName("-");
  }

  static String page(CommandSpec spec) {
    StringBuilder sb = new StringBuilder();
    String name = fileName(spec);
    sb.append(".TH \"").append(name.toUpperCase(Locale.ROOT)).append("\" 1 \"\" \"inertia ")
        .append(Version.current()).append("\" \"Inertia Manual\"\n");
    sb.append(".SH NAME\n").append(escape(name)).append(" \\- ").append(escape(first(spec.usageMessage().description())))
        .append('\n');
    sb.append(".SH SYNOPSIS\n.B ").append(escape(UsageErrors.synopsis(spec))).append('\n');
    sb.append(".SH DESCRIPTION\n");
    for (String line : spec.usageMessage().description()) {
      sb.append(escape(line)).append("\n.br\n");
    }
    List<PositionalParamSpec> args = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
    if (!args.isEmpty()) {
      sb.append(".SH ARGUMENTS\n");
      for (PositionalParamSpec p : args) {
        sb.append(".TP\n.B ").append(escape(p.paramLabel())).append('\n')
            .append(escape(String.join(" ", p.description()))).append('\n');
      }
    }
    List<OptionSpec> options = spec.options().stream()
        .filter(o -> !o.hidden() && (spec.parent() == null || !o.inherited()))
        .toList();
    if (!options.isEmpty()) {
      sb.append(".SH OPTIONS\n");
      for (OptionSpec o : options) {
        sb.append(".TP\n.B ").append(escape(String.join(", ", o.names())));
        if (o.arity().max() > 0 && !o.negatable()) {
          sb.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
        }
        sb.append('\n').append(escape(String.join(" ", o.description()).replace("${DEFAULT-VALUE}",
            String.valueOf(o.defaultValue())))).append('\n');
      }
    }
    if (spec.parent() != null) {
      sb.append(".SH GLOBAL OPTIONS\n").append(escape(
          "--config <path>, --simple, --debug and -h/--help are accepted everywhere; see inertia(1).")).append('\n');
    }
    List<String> subs = new ArrayList<>();
    spec.subcommands().forEach((n, cl) -> {
      if (n.equals(cl.getCommandSpec().name())) {
        subs.add(n);
      }
    });
    if (!subs.isEmpty()) {
      sb.append(".SH COMMANDS\n");
      for (String n : subs) {
        CommandSpec sub = spec.subcommands().get(n).getCommandSpec();
        sb.append(".TP\n.B ").append(escape(n)).append('\n')
            .append(escape(first(sub.usageMessage().description()))).append(" See \\fB")
            .append(escape(fileName(sub))).append("\\fR(1).\n");
      }
    }
    String[] footer = spec.usageMessage().footer();
    if (footer.length > 0) {
      String heading = spec.usageMessage().footerHeading().replace("%n", "").replace(":", "").trim();
      sb.append(".SH ").append(heading.isEmpty() ? "NOTES" : escape(heading.toUpperCase(Locale.ROOT))).append("\n.nf\n");
      for (String line : footer) {
        sb.append(escape(line.replace("%n", ""))).append('\n');
      }
      sb.append(".fi\n");
    }
    sb.append(".SH SEE ALSO\n");
    sb.append(spec.parent() == null ? "inertia help COMMAND, https://github.com/ubclaunchpad/inertia"
        : "\\fB" + escape(fileName(spec.parent())) + "\\fR(1)").append('\n');
    return sb.toString();
  }

  private static String first(String[] lines) {
    return lines.length == 0 ? "" : lines[0];
  }

  /** Roff-safe text: backslashes, hyphens, and lines that would start a request. */
  static String escape(String text) {
    String t = text.replace("\\", "\\e").replace("-", "\\-");
    return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
  }
}
