package io.inertia.cli.command;

import io.inertia.common.config.ProjectConfig;
import io.inertia.common.config.RemoteConfig;
import io.inertia.cli.command.options.DaemonSettingsOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code inertia <remote> init}: bootstrap over SSH (docs/original.md#bootstrap), then save the remote with token and pin. */
@Command(name = "init", description = "Initialize the VPS for continuous deployment")
public final class RemoteInitCommand extends RemoteBaseCommand {
  @Mixin DaemonSettingsOptions settings;

  @Override
  protected Integer run() {
    ProjectConfig project = requireProject();
    RemoteOperations ops = ctx.remoteOperations("inertia " + remoteName() + " init");
    RemoteConfig remote = DaemonVersions.forInstall(withSettings(remote(), settings), console());
    RemoteConfig updated = ops.init(remote, project, console());
    saveRemote(updated);
    return 0;
  }
}
