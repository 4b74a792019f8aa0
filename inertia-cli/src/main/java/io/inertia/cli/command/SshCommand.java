package io.inertia.cli.command;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code inertia <remote> ssh [command…]}: an interactive shell on the remote, or the given command run
 * there (as the original's {@code ssh} does with its arguments). Options after the command's first word
 * belong to the command ({@code inertia prod ssh ls -la}); put {@code --} before a command that starts
 * with a dash.
 */
@Command(name = "ssh", description = "Start an interactive SSH session, or run a command on the remote")
public final class SshCommand extends RemoteBaseCommand {
  @Unmatched List<String> command = new ArrayList<>();

  @Override
  protected Integer run() {
    int status =
        ctx.remoteOperations("inertia " + remoteName() + " ssh").ssh(remote(), command, console());
    return status == 0 ? 0 : 1;
  }
}
