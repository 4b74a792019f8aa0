package io.inertia.cli.command;

import picocli.CommandLine.Command;

/** {@code inertia <remote> prune}: removes unused Docker assets the daemon created. */
@Command(name = "prune", description = "Remove the project's stopped containers, unused networks and volumes, and dangling images")
public final class PruneCommand extends RemoteBaseCommand {
  @Override
  protected Integer run() {
    client().prune();
    console().println("pruned on remote '" + remoteName() + "': the project's stopped containers, unused networks "
        + "and volumes, and dangling images (what runs, and anything Inertia did not create, is kept)");
    return 0;
  }
}
