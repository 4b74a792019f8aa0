package io.inertia.cli.command;

import io.inertia.cli.daemon.DaemonException;
import picocli.CommandLine.Command;

/**
 * {@code inertia <remote> uninstall}: stops the project and the daemon and removes Inertia's
 * directories. Unlike the original, it goes on when no project is running (the {@code /down} 412) or the
 * daemon is already unreachable.
 */
@Command(name = "uninstall", description = "Remove Inertia from your remote")
public final class UninstallCommand extends RemoteBaseCommand {
  @Override
  protected Integer run() {
    RemoteOperations ops = ctx.remoteOperations("inertia " + remoteName() + " uninstall");
    console().println(console().red("WARNING: This will stop down your project and remove the Inertia daemon."));
    if (!console().confirm("This is irreversible. Continue? (y/n)", false)) {
      console().println("aborting");
      return 1;
    }
    console().println("Stopping project...");
    try {
      client().down();
    } catch (DaemonException e) {
      console().println("no project to stop (" + e.getMessage() + ")");
    }
    ops.uninstall(remote(), console());
    console().println("Uninstallation completed.");
    return 0;
  }
}
