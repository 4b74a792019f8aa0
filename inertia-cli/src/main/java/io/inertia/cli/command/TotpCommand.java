package io.inertia.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code inertia <remote> user totp …} (alias {@code 2fa}). */
@Command(
    name = "totp",
    aliases = "2fa",
    description = "Manage TOTP (two-factor) authentication for users",
    subcommands = {TotpEnableCommand.class, TotpDisableCommand.class})
public final class TotpCommand extends BaseCommand {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(console().out());
    return 0;
  }
}
