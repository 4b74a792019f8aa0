package io.inertia.cli.command;

import io.inertia.cli.command.options.GlobalOptions;
import io.inertia.common.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inertia}: the root. Its subcommands are attached by {@code InertiaCli} (only the branch the
 * arguments name, for start-up time), in the original's order: init, project, remote, provision, then
 * one hidden command per remote.
 */
@Command(
    name = "inertia",
    versionProvider = InertiaCommand.VersionProvider.class,
    description = "Effortless, self-hosted continuous deployment for small teams and projects",
    sortOptions = false,
    synopsisSubcommandLabel = "COMMAND")
public final class InertiaCommand extends BaseCommand {
  @Mixin GlobalOptions global;

  @Option(names = {"-v", "--version"}, versionHelp = true, description = "print the version")
  boolean version;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(console().out());
    return 0;
  }

  /** {@code inertia version v0.8.0}, as the original prints it. */
  public static final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"inertia version " + Version.current()};
    }
  }
}
