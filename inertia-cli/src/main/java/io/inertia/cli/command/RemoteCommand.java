package io.inertia.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code inertia remote …} (alias {@code r}, docs/original.md#command-remote). */
@Command(
    name = "remote",
    aliases = "r",
    description = "Configure the local settings for a remote host",
    subcommands = {
      RemoteAddCommand.class,
      RemoteLoginCommand.class,
      RemotePinCommand.class,
      RemoteLsCommand.class,
      RemoteShowCommand.class,
      RemoteSetCommand.class,
      RemoteRmCommand.class,
      RemoteUpgradeCommand.class,
      RemoteImportCommand.class,
      RemoteResetCommand.class,
      RemoteConfigPathCommand.class
    })
public final class RemoteCommand extends BaseCommand {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(console().out());
    return 0;
  }
}
