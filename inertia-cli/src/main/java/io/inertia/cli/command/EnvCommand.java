package io.inertia.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code inertia <remote> env …}. */
@Command(
    name = "env",
    description = "Manage environment variables on your remote",
    subcommands = {EnvSetCommand.class, EnvRmCommand.class, EnvLsCommand.class})
public final class EnvCommand extends BaseCommand {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(console().out());
    return 0;
  }
}
