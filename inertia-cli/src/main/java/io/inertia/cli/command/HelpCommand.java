package io.inertia.cli.command;

import io.inertia.cli.UsageException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inertia help [COMMAND…]}: the same page as {@code inertia COMMAND… --help}. */
@Command(
    name = "help",
    description = "Show help for a command (same as 'inertia COMMAND --help')",
    footerHeading = "%nExamples:%n",
    footer = {"  inertia help remote add", "  inertia help REMOTE up"})
public final class HelpCommand extends BaseCommand {
  @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "the command (and subcommands) to explain")
  List<String> words = new ArrayList<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine target = spec.parent().commandLine();
    for (String word : words) {
      CommandLine next = target.getSubcommands().get(word);
      if (next == null) {
        throw new UsageException("no command '" + word + "' in '" + target.getCommandSpec().qualifiedName() + "'",
            "see '" + target.getCommandSpec().qualifiedName() + " --help'");
      }
      target = next;
    }
    target.usage(console().out(), target.getColorScheme());
    return 0;
  }
}
