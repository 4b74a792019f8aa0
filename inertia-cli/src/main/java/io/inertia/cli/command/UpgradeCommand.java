package io.inertia.cli.command;

import io.inertia.common.config.RemoteConfig;
import io.inertia.cli.command.options.DaemonSettingsOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code inertia <remote> upgrade [--version v]}: restarts the daemon on another version over SSH. */
@Command(name = "upgrade", description = "Upgrade your Inertia daemon to the specified version")
public final class UpgradeCommand extends RemoteBaseCommand {
  @Mixin DaemonSettingsOptions settings;

  @Option(names = "--version", paramLabel = "<version>", description = "version of Inertia daemon to spin up (default: the remote's configured version)")
  String version;

  @Override
  protected Integer run() {
    RemoteOperations ops = ctx.remoteOperations("inertia " + remoteName() + " upgrade");
    RemoteConfig remote = remote();
    if (version != null && !version.isEmpty()) {
      DaemonVersions.checkRequested(version);
      remote = remote.withVersion(version);
    }
    remote = DaemonVersions.forInstall(withSettings(remote, settings), console());
    RemoteConfig updated = ops.upgrade(remote, console());
    saveRemote(updated);
    return 0;
  }
}
