package io.inertia.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code inertia <remote> user rm <user>}. */
@Command(name = "rm", description = "Remove a user with access to this remote's Inertia daemon")
public final class UserRmCommand extends RemoteBaseCommand {
  @Parameters(index = "0", paramLabel = "USER", description = "the user to remove") String user;

  @Override
  protected Integer run() {
    client().userRemove(user);
    console().println("user has been removed");
    return 0;
  }
}
