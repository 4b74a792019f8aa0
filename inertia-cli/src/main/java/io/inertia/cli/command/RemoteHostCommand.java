package io.inertia.cli.command;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code inertia <remote>} (docs/original.md#per-remote-commands): one hidden top-level command per remote in the remotes
 * file, attached at start-up under the remote's name.
 */
@Command(
    name = "remote-host",
    description = "Manage and deploy to this remote",
    footer = {
      "",
      "Commands that use SSH read the passphrase of an encrypted identity file from IDENTITY_PASSPHRASE."
    })
public final class RemoteHostCommand extends BaseCommand {
  /**
   * The per-remote commands, in display order. Attached by {@code CommandTrees.host}: only the one a
   * command line names, which saves building (and reflecting on) the other fifteen at start-up.
   */
  public static final List<Class<?>> SUBCOMMANDS = List.of(
      RemoteInitCommand.class,
      UpCommand.class,
      DownCommand.class,
      StatusCommand.class,
      LogsCommand.class,
      EnvCommand.class,
      UserCommand.class,
      SendCommand.class,
      SendImageCommand.class,
      SshCommand.class,
      PruneCommand.class,
      TokenCommand.class,
      UpgradeCommand.class,
      UninstallCommand.class,
      ReleasesCommand.class,
      RollbackCommand.class);

  String remoteName;

  @Spec CommandSpec spec;

  @Option(
      names = {"-s", "--short"},
      scope = ScopeType.INHERIT,
      description = "don't stream: print the result once when done (up, rollback, logs)")
  boolean shortOutput;

  /**
   * Marks the commands for which {@code -s/--short} (accepted on every per-remote command, as in the
   * original) changes anything; only their help lists it.
   */
  public interface Streaming {}

  public String remoteName() {
    return remoteName;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(console().out());
    return 0;
  }
}
