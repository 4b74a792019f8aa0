package io.inertia.cli;

import io.inertia.cli.command.RemoteHostCommand;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Ansi.IStyle;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How every {@code --help} page is laid out: a one-line usage, the command's own options (the global
 * ones appear once, in {@code inertia --help}, and are named in one line elsewhere), and examples in
 * which {@code REMOTE} becomes the remote's name.
 */
final class HelpLayout {
  static final String GLOBAL_OPTIONS = "globalOptions";

  /** Bold that ends with "normal intensity" (22): picocli's own ends with 21, a double underline on many terminals. */
  private static final IStyle BOLD = style("1", "22");

  private HelpLayout() {}

  /** The colour scheme of help and usage: ANSI only when the console paints. */
  static ColorScheme scheme(boolean colour) {
    return new ColorScheme.Builder(colour ? Ansi.ON : Ansi.OFF)
        .commands(BOLD)
        .options(Help.Ansi.Style.fg_yellow)
        .parameters(Help.Ansi.Style.fg_yellow)
        .optionParams(Help.Ansi.Style.italic)
        .errors(Help.Ansi.Style.fg_red)
        .stackTraces(Help.Ansi.Style.italic)
        .build();
  }

  /** Applies the layout to {@code root} and every command below it. */
  static void apply(CommandLine root) {
    Map<CommandLine, Boolean> seen = new IdentityHashMap<>();
    List<CommandLine> todo = new ArrayList<>(List.of(root));
    while (!todo.isEmpty()) {
      CommandLine cl = todo.remove(todo.size() - 1);
      if (seen.put(cl, Boolean.TRUE) != null) {
        continue;
      }
      todo.addAll(cl.getSubcommands().values());
      if (cl != root) {
        layoutSubcommand(cl);
      }
    }
  }

  private static void layoutSubcommand(CommandLine cl) {
    Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>(cl.getHelpSectionMap());
    sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS,
        help -> help.colorScheme().commandText(UsageErrors.synopsis(help.commandSpec())) + System.lineSeparator());
    sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING,
        help -> ownOptions(help.commandSpec()).isEmpty() ? "" : "Options:" + System.lineSeparator());
    sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::ownOptionList);
    sections.put(GLOBAL_OPTIONS,
        help -> "Global options: --config <path>, --simple, --debug, -h/--help (see 'inertia --help')"
            + System.lineSeparator());
    sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING, help -> "");
    sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, HelpLayout::footer);
    List<String> keys = new ArrayList<>(cl.getHelpSectionKeys());
    if (!keys.contains(GLOBAL_OPTIONS)) {
      keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1, GLOBAL_OPTIONS);
    }
    cl.setHelpSectionMap(sections);
    cl.setHelpSectionKeys(keys);
  }

  private static List<OptionSpec> ownOptions(CommandSpec spec) {
    boolean streams = spec.userObject() instanceof RemoteHostCommand.Streaming;
    return spec.options().stream()
        .filter(o -> !o.hidden() && (!o.inherited() || (streams && o.longestName().equals("--short"))))
        .toList();
  }

  private static String ownOptionList(Help help) {
    List<OptionSpec> own = ownOptions(help.commandSpec());
    if (own.isEmpty()) {
      return "";
    }
    return help.optionListExcludingGroups(own, help.createDefaultLayout(), null, help.createDefaultParamLabelRenderer());
  }

  /** The footer, with {@code inertia REMOTE} replaced by the remote this help is for. */
  private static String footer(Help help) {
    // Verbatim lines: picocli would re-wrap them at 80 columns, breaking words like "~/.ssh" at the dot.
    String[] lines = help.commandSpec().usageMessage().footer();
    if (lines.length == 0) {
      return "";
    }
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder(help.commandSpec().usageMessage().footerHeading().replace("%n", nl));
    for (String line : lines) {
      sb.append(line.replace("%n", nl)).append(nl);
    }
    String text = sb.toString();
    String remote = remoteName(help.commandSpec());
    return remote == null ? text : text.replace("inertia REMOTE ", "inertia " + remote + " ");
  }

  /** The name of the per-remote command above {@code spec}, or null outside {@code inertia <remote>}. */
  static String remoteName(CommandSpec spec) {
    for (CommandSpec s = spec; s != null; s = s.parent()) {
      if (s.userObject() instanceof RemoteHostCommand) {
        return s.name();
      }
    }
    return null;
  }

  private static IStyle style(String on, String off) {
    return new IStyle() {
      @Override
      public String on() {
        return CSI + on + "m";
      }

      @Override
      public String off() {
        return CSI + off + "m";
      }
    };
  }
}
