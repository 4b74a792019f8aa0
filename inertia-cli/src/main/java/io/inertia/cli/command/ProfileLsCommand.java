package io.inertia.cli.command;

import io.inertia.cli.command.options.VerboseOptions;
import io.inertia.common.config.Profile;
import io.inertia.common.config.ProjectConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code inertia project profile ls [-v]}. */
@Command(name = "ls", description = "List configured project profiles")
public final class ProfileLsCommand extends BaseCommand {
  @Mixin VerboseOptions verbose;

  @Override
  public Integer call() {
    ProjectConfig project = project();
    for (Profile p : project.profiles()) {
      if (verbose.verbose) {
        ProfileShowCommand.printDetails(console(), p);
      } else {
        console().println(p.name());
      }
    }
    return 0;
  }
}
