package io.inertia.cli.command;

import picocli.CommandLine.Command;

/** {@code inertia <remote> user reset}: removes every user except the built-in master. */
@Command(name = "reset", description = "Reset user database on your remote")
public final class UserResetCommand extends RemoteBaseCommand {
  @Override
  protected Integer run() {
    client().userReset();
    console().println("all users removed");
    return 0;
  }
}
