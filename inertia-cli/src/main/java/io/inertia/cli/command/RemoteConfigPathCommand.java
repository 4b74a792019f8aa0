package io.inertia.cli.command;

import picocli.CommandLine.Command;

/** {@code inertia remote config-path}: the absolute path of the global remotes file. */
@Command(name = "config-path", description = "Output path to remote configuration")
public final class RemoteConfigPathCommand extends BaseCommand {
  @Override
  public Integer call() {
    console().raw(config().remotesFile().toString());
    return 0;
  }
}
