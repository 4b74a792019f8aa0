package io.inertia.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code inertia <remote> token [--ssh]}: prints a master token (not saved). */
@Command(name = "token", description = "Generate an API token")
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
    return 0;
  }
}
