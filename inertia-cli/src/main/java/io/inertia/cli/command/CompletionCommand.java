package io.inertia.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code inertia completion bash|zsh}: prints the shell completion script. */
@Command(
    name = "completion",
    description = "Print the shell completion script for bash or zsh",
    footerHeading = "%nInstall:%n",
    footer = {
      "  bash: echo 'source <(inertia completion bash)' >> ~/.bashrc",
      "        (or: inertia completion bash > ~/.local/share/bash-completion/completions/inertia)",
      "  zsh:  echo 'source <(inertia completion zsh)' >> ~/.zshrc",
      "",
      "Commands, options, remote names and (after 'logs') the project's service names are completed."
    })
public final class CompletionCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
  Shell shell;

  enum Shell { bash, zsh }

  @Override
  public Integer call() {
    console().raw(script(ctx, shell.name()));
    return 0;
  }

  /** The script for {@code bash} or {@code zsh} (bash's, loaded through bashcompinit). */
  public static String script(CliContext ctx, String shell) {
    String script = CompletionScript.bash(CommandTrees.full(ctx, CommandTrees.REMOTE));
    if (shell.equals("zsh")) {
      script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
    }
    return script;
  }
}
