package io.inertia.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The part of {@code inertia --help} that makes the per-remote commands findable: the configured
 * remotes, and the commands each of them takes ({@code inertia <remote> COMMAND}).
 */
final class RootHelp {
  static final String SECTION = "remoteCommands";

  private RootHelp() {}

  /**
   * Adds the section after the command list of {@code root}.
   *
   * @param remotes the configured remotes' names (may be empty)
   * @param hostCommand a per-remote command tree (any name), whose subcommands are listed
   * @param remotesFile where remotes are configured, for the "none yet" line
   */
  static void add(CommandLine root, List<String> remotes, CommandLine hostCommand, String remotesFile) {
    List<String> keys = new ArrayList<>(root.getHelpSectionKeys());
    keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_COMMAND_LIST) + 1, SECTION);
    root.getHelpSectionMap().put(SECTION, help -> render(help, remotes, hostCommand, remotesFile));
    root.setHelpSectionKeys(keys);
  }

  private static String render(Help help, List<String> remotes, CommandLine hostCommand, String remotesFile) {
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder(nl);
    if (remotes.isEmpty()) {
      sb.append("Remotes: none configured yet - add one with 'inertia remote add <name>' (").append(remotesFile)
          .append(')').append(nl);
    } else {
      sb.append("Remotes: ").append(String.join(", ", remotes)).append(nl);
    }
    sb.append(nl).append("Commands for a remote (inertia <remote> COMMAND, e.g. 'inertia ")
        .append(remotes.isEmpty() ? "prod" : remotes.get(0)).append(" status'):").append(nl);
    Help hostHelp = new Help(hostCommand.getCommandSpec(), help.colorScheme());
    sb.append(hostHelp.commandList());
    return sb.toString();
  }
}
