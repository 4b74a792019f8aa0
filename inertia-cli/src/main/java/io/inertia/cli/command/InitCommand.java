package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.cli.local.GitProbe;
import io.inertia.common.Version;
import io.inertia.common.config.Build;
import io.inertia.common.config.BuildType;
import io.inertia.common.config.Profile;
import io.inertia.common.config.ProjectConfig;
import io.inertia.common.config.RemotesConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inertia init [project-name]} (docs/original.md#command-init). */
@Command(
    name = "init",
    description = "Initialize an inertia project in this repository",
    footer = {"", "Example:", "  inertia init my_awesome_project"})
public final class InitCommand extends BaseCommand {
  @Parameters(arity = "0..1", paramLabel = "project-name", description = "name of the project")
  String projectName;

  @Option(
      names = "--git.remote",
      defaultValue = "origin",
      description = "git remote to use for continuous deployment (default: ${DEFAULT-VALUE})")
  String gitRemote;

  @Option(names = {"-g", "--global"}, description = "just initialize global inertia configuration")
  boolean global;

  @Override
  public Integer call() {
    Path dir = config().globalDirectory();
    if (global) {
      ensureGlobal();
      console().println("global Inertia configuration intialized in '" + dir + "'");
      return 0;
    }
    if (!config().remotesFileExists()) {
      boolean create =
          console().confirm(
              ":question: Could not find global inertia configuration in " + dir
                  + " - would you like to initialize it? (y/N)",
              false);
      if (!create) {
        throw new CliException(
            "aborting: global inertia configuration is required to set up Inertia");
      }
      ensureGlobal();
      console().println("global Inertia configuration intialized in '" + config().remotesFile() + "'");
    }
    if (config().projectFileExists()) {
      throw new CliException(
          "aborting: inertia configuration already exists at " + config().projectFile(),
          "perhaps you should edit it with 'inertia project …', or remove it first");
    }

    Path cwd = ctx.workingDirectory();
    String name = projectName;
    if (name == null || name.isBlank()) {
      Path base = cwd.toAbsolutePath().getFileName();
      name = base == null ? "" : base.toString();
    }
    if (name.isBlank()) {
      name = "inertia-deployment";
    }
    console().println("initializing project '" + name + "'");

    GitProbe git = new GitProbe(cwd);
    String url = git.isRepository() ? git.remoteUrl(gitRemote) : "";
    if (!git.isRepository() || url.isEmpty()) {
      throw new CliException(
          "could not find git repository: "
              + (git.isRepository()
                  ? "remote '" + gitRemote + "' is not configured"
                  : "no .git in " + cwd),
          "perhaps you should run 'git remote add " + gitRemote + " <url>', or pass --git.remote");
    }

    String current = git.currentBranch();
    String branch =
        console().prompt(
            ":evergreen_tree: Enter the branch you would like to deploy (leave blank for '"
                + current + "'):");
    if (branch.isEmpty()) {
      branch = current;
    }

    Build build = detectBuild(cwd);
    Profile profile = new Profile(Profile.DEFAULT_NAME, branch, build);
    console().println(":hammer: Profile created with " + build.type().wireName() + " configuration.");
    ProjectConfig project = new ProjectConfig(Version.current(), name, url, List.of(profile));
    console().println("Initializing configuration file at " + config().projectFile() + "...");
    config().saveProject(project);
    console().println(
        ":books: An inertia.toml configuration file has been created to store project settings!");
    console().println("You can now use 'inertia remote add' to set up your remote VPS instance.");
    return 0;
  }

  private void ensureGlobal() {
    if (!config().remotesFileExists()) {
      config().saveRemotes(RemotesConfig.empty());
    }
  }

  private Build detectBuild(Path cwd) {
    console().println("detecting project type...");
    if (Files.isRegularFile(cwd.resolve("docker-compose.yml"))) {
      console().println("docker-compose project detected :whale:");
      return new Build(BuildType.DOCKER_COMPOSE, "docker-compose.yml");
    }
    if (Files.isRegularFile(cwd.resolve("Dockerfile"))) {
      console().println("Dockerfile project detected :whale:");
      return new Build(BuildType.DOCKERFILE, "Dockerfile");
    }
    console().println(":question: no build file detected");
    String type = console().choose("build type", List.of("docker-compose", "dockerfile"));
    BuildType buildType;
    try {
      buildType = BuildType.fromWireName(type);
    } catch (IllegalArgumentException e) {
      throw new CliException("invalid build type", "choose docker-compose or dockerfile");
    }
    String file = console().prompt("Please enter the path to your build configuration file:");
    if (file.isEmpty()) {
      throw new CliException("invalid buildfile path");
    }
    return new Build(buildType, file);
  }
}
