package io.inertia.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code inertia project …} (docs/original.md#command-project). */
@Command(
    name = "project",
    description = "Update and configure Inertia project settings",
    subcommands = {
      ProjectSetCommand.class,
      ProjectResetCommand.class,
      ProfileCommand.class
    })
public final class ProjectCommand extends BaseCommand {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(console().out());
    return 0;
  }
}
