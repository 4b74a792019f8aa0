package io.inertia.cli.command;

import picocli.CommandLine.Command;

/** {@code inertia <remote> ssh}: an interactive shell on the remote. */
@Command(name = "ssh", description = "Start an interactive SSH session")
public final class SshCommand extends RemoteBaseCommand {
  @Override
  protected Integer run() {
    int status = ctx.remoteOperations("inertia " + remoteName() + " ssh").ssh(remote(), console());
    return status == 0 ? 0 : 1;
  }
}
