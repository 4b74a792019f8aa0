package io.inertia.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code inertia project profile …} (alias {@code pf}). */
@Command(
    name = "profile",
    aliases = "pf",
    description = "Manage project profile configurations",
    subcommands = {
      ProfileConfigureCommand.class,
      ProfileApplyCommand.class,
      ProfileLsCommand.class,
      ProfileShowCommand.class
    })
public final class ProfileCommand extends BaseCommand {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(console().out());
    return 0;
  }
}
