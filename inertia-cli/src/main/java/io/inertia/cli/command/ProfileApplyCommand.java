package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.common.config.ProjectConfig;
import io.inertia.common.config.RemoteConfig;
import io.inertia.common.config.RemotesConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code inertia project profile apply <profile> <remote>}: records the profile used on a remote. */
@Command(name = "apply", description = "Apply a project configuration profile to a remote")
public final class ProfileApplyCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "PROFILE", description = "a profile of inertia.toml") String profileName;

  @Parameters(index = "1", paramLabel = "REMOTE", description = "the remote that deploys it from now on") String remoteName;

  @Override
  public Integer call() {
    ProjectConfig project = project();
    if (project.profile(profileName).isEmpty()) {
      throw new CliException(
          "profile '" + profileName + "' does not exist",
          "perhaps you should create it with 'inertia project profile configure " + profileName + "'");
    }
    RemotesConfig remotes = config().remotes();
    RemoteConfig remote =
        remotes
            .remote(remoteName)
            .orElseThrow(
                () -> new CliException("remote '" + remoteName + "' does not exist",
                    "perhaps you should run 'inertia remote ls'"));
    config().saveRemotes(remotes.withRemote(remote.withAppliedProfile(project.name(), profileName)));
    console().println("profile '" + profileName + "' successfully applied to remote '" + remoteName + "'");
    return 0;
  }
}
