package io.inertia.cli.command;

import picocli.CommandLine.Command;

/** {@code inertia <remote> down}. */
@Command(name = "down", description = "Bring project offline on remote")
public final class DownCommand extends RemoteBaseCommand {
  @Override
  protected Integer run() {
    client().down();
    console().println("project successfully shut down");
    return 0;
  }
}
