package io.inertia.cli.command;

import picocli.CommandLine.Command;

/** {@code inertia <remote> prune}: removes unused Docker assets the daemon created. */
@Command(name = "prune", description = "Prune Docker assets and images on your remote")
public final class PruneCommand extends RemoteBaseCommand {
  @Override
  protected Integer run() {
    client().prune();
    console().println("docker assets have been pruned");
    return 0;
  }
}
