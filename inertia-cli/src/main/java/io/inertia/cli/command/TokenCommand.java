package io.inertia.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code inertia <remote> token [--ssh]}: prints a master token (not saved). */
@Command(name = "token", description = "Print a new admin API token for this remote (for scripts and CI; not saved)")
public final class TokenCommand extends RemoteBaseCommand {
  @Option(names = "--ssh", description = "generate the token over SSH instead of the daemon API")
  boolean ssh;

  @Override
  protected Integer run() {
    String token =
        ssh
            ? ctx.remoteOperations("inertia " + remoteName() + " token --ssh").token(remote(), console())
            : client().token();
    console().raw(token);
    // On stderr, so that 'TOKEN=$(inertia x token)' still captures only the token.
    console().warn("this is an admin token for remote '" + remoteName() + "': it never expires and can do "
        + "everything the daemon can; keep it secret. Revoking it means replacing the daemon's jwt.key "
        + "(which also ends every session).");
    return 0;
  }
}
