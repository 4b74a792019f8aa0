package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.cli.local.GitProbe;
import io.inertia.common.config.Build;
import io.inertia.common.config.BuildType;
import io.inertia.common.config.Profile;
import io.inertia.common.config.ProjectConfig;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inertia project profile configure <profile>} (aliases {@code add}, {@code set}): creates or
 * replaces a profile. Unlike the original, an existing profile keeps its notifiers and intermediary
 * containers.
 */
@Command(
    name = "configure",
    aliases = {"add", "set"},
    description = "Create a new profile, or update an existing one",
    footer = {
      "",
      "Example:",
      "  inertia project profile configure my_profile --build.type dockerfile --build.file Dockerfile.dev"
    })
public final class ProfileConfigureCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "PROFILE", description = "profile to create or change") String profileName;

  @Option(names = "--branch", description = "branch for profile (default: current branch)")
  String branch;

  @Option(names = "--build.type", required = true, description = "build type for profile (dockerfile or docker-compose)")
  String buildType;

  @Option(names = "--build.file", required = true, description = "relative path to build config file (e.g. 'Dockerfile')")
  String buildFile;

  @Override
  public Integer call() {
    ProjectConfig project = project();
    BuildType type;
    try {
      type = BuildType.fromWireName(buildType);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), "perhaps you should use dockerfile or docker-compose");
    }
    String b = branch;
    if (b == null || b.isEmpty()) {
      b = new GitProbe(ctx.workingDirectory()).currentBranch();
    }
    Optional<Profile> existing = project.profile(profileName);
    List<String> intermediary =
        existing.map(p -> p.build() == null ? List.<String>of() : p.build().intermediaryContainers()).orElse(List.of());
    Profile profile =
        new Profile(profileName, b, new Build(type, buildFile, intermediary),
            existing.map(Profile::notifiers).orElse(null));
    config().saveProject(project.withProfile(profile));
    console().println("profile '" + profileName + "' successfully updated");
    return 0;
  }
}
