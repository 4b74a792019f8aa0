package io.inertia.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code inertia <remote> user totp disable}: disables TOTP for the user who owns the saved token (the
 * daemon decides; the optional argument is accepted for compatibility and otherwise ignored).
 */
@Command(name = "disable", description = "Disable TOTP for the logged-in user")
public final class TotpDisableCommand extends RemoteBaseCommand {
  @Parameters(arity = "0..1", paramLabel = "USER", description = "the user (default: the logged-in one)") String user;

  @Override
  protected Integer run() {
    client().totpDisable();
    console().println("2FA successfully disabled");
    return 0;
  }
}
