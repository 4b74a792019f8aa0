package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.common.config.DaemonConfig;
import io.inertia.common.config.RemoteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inertia <remote> user login [user] [--totp code]}: saves a session token. */
@Command(name = "login", description = "Authenticate with the remote's Inertia daemon")
public final class UserLoginCommand extends RemoteBaseCommand {
  @Parameters(arity = "0..1", paramLabel = "USER", description = "the user (default: daemon.user of the remote)") String user;

  @Option(names = "--totp", paramLabel = "<code>", defaultValue = "", description = "auth code or backup code for 2FA")
  String totp;

  @Override
  protected Integer run() {
    RemoteConfig remote = remote();
    DaemonConfig daemon = remote.daemon() == null ? DaemonConfig.empty() : remote.daemon();
    String name = user == null || user.isEmpty() ? daemon.user() : user;
    if (name.isEmpty()) {
      throw new CliException("username is required, but none is provided or configured");
    }
    boolean replacesAdmin = daemon.user().isEmpty() && !daemon.token().isEmpty();
    String token = Logins.login(client(), console(), name, totp);
    saveRemote(remote.withDaemon(daemon.withToken(token, name)));
    console().println("you have been logged in successfully as '" + name + "', and a token has been saved");
    if (replacesAdmin) {
      // The saved admin (master) token is gone now; say how to get one back.
      console().warn("this replaced the admin token saved for remote '" + remoteName() + "'; to use it again: "
          + "'inertia " + remoteName() + " token --ssh', then 'inertia remote set " + remoteName()
          + " daemon.token <token>'");
    }
    return 0;
  }
}
