package io.inertia.cli.command;

import io.inertia.common.config.DaemonConfig;
import picocli.CommandLine.Command;

/**
 * {@code inertia <remote> user logout}: forgets the token saved for this remote (no request is sent; the
 * session ends when it expires on the daemon).
 */
@Command(name = "logout", description = "Forget the token saved for this remote (log in again with 'user login')")
public final class UserLogoutCommand extends RemoteBaseCommand {
  @Override
  protected Integer run() {
    DaemonConfig d = remote().daemon() == null ? DaemonConfig.empty() : remote().daemon();
    if (d.token().isEmpty()) {
      console().println("not logged in to remote '" + remoteName() + "'");
      return 0;
    }
    String who = d.user().isEmpty() ? "the admin token" : "the session of '" + d.user() + "'";
    saveRemote(remote().withDaemon(d.withToken("", "")));
    console().println("forgot " + who + " for remote '" + remoteName() + "'; 'inertia " + remoteName()
        + " user login <user>' logs in again");
    return 0;
  }
}
