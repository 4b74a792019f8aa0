package io.inertia.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code inertia <remote> env rm <name>}. */
@Command(name = "rm", description = "Remove an environment variable from your remote")
public final class EnvRmCommand extends RemoteBaseCommand {
  @Parameters(index = "0", paramLabel = "name") String name;

  @Override
  protected Integer run() {
    client().envRemove(name);
    console().println("env value successfully removed");
    return 0;
  }
}
