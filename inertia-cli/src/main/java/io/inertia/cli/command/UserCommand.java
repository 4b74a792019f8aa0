package io.inertia.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code inertia <remote> user …}. */
@Command(
    name = "user",
    description = "Configure user access to Inertia daemon",
    subcommands = {
      UserAddCommand.class,
      UserRmCommand.class,
      UserLoginCommand.class,
      UserLsCommand.class,
      UserResetCommand.class,
      UserWhoamiCommand.class,
      UserLogoutCommand.class,
      TotpCommand.class
    })
public final class UserCommand extends BaseCommand {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(console().out());
    return 0;
  }
}
