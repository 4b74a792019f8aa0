package io.inertia.cli.command;

import io.inertia.common.config.DaemonConfig;
import picocli.CommandLine.Command;

/** {@code inertia <remote> user whoami}: which identity the saved token is (no request is sent). */
@Command(name = "whoami", description = "Show which user the saved token of this remote belongs to")
public final class UserWhoamiCommand extends RemoteBaseCommand {
  @Override
  protected Integer run() {
    DaemonConfig d = remote().daemon() == null ? DaemonConfig.empty() : remote().daemon();
    if (d.token().isEmpty()) {
      console().println("not logged in to remote '" + remoteName() + "' - 'inertia " + remoteName()
          + " user login <user>' logs in");
    } else if (d.user().isEmpty()) {
      console().println("admin (the token saved by 'init' or set with 'remote set " + remoteName() + " daemon.token')");
    } else {
      console().println(d.user());
    }
    return 0;
  }
}
