package io.inertia.cli.local;

import io.inertia.cli.CliException;
import io.inertia.common.config.ConfigException;
import io.inertia.common.config.ConfigFiles;
import io.inertia.common.config.ConfigPaths;
import io.inertia.common.config.ProjectConfig;
import io.inertia.common.config.RemotesConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the CLI finds its two files and how it reports their absence: the global remotes file
 * ({@link ConfigPaths}, {@code $INERTIA_PATH}) and the project file ({@code --config}, relative to the
 * working directory). Messages are the original's (docs/original.md#command-project, #command-remote).
 */
public final class LocalConfig {
  private final ConfigPaths paths;
  private final Path projectFile;

  public LocalConfig(ConfigPaths paths, Path projectFile) {
    this.paths = paths;
    this.projectFile = projectFile.toAbsolutePath().normalize();
  }

  public Path globalDirectory() {
    return paths.globalDirectory().toAbsolutePath();
  }

  public Path remotesFile() {
    return paths.remotesFile().toAbsolutePath();
  }

  public Path projectFile() {
    return projectFile;
  }

  public boolean remotesFileExists() {
    return Files.isRegularFile(remotesFile());
  }

  public boolean projectFileExists() {
    return Files.isRegularFile(projectFile);
  }

  /** The global remotes file. @throws CliException when it is missing or unreadable */
  public RemotesConfig remotes() {
    if (!remotesFileExists()) {
      throw new CliException(
          "global config file doesn't exist - try running 'inertia init --global'");
    }
    try {
      return ConfigFiles.loadRemotes(remotesFile());
    } catch (ConfigException e) {
      throw new CliException(
          e.getMessage(), "perhaps you should fix or remove " + remotesFile(), e);
    }
  }

  /** The remotes file, or an empty one when it does not exist yet. */
  public RemotesConfig remotesOrEmpty() {
    return remotesFileExists() ? remotes() : RemotesConfig.empty();
  }

  public void saveRemotes(RemotesConfig remotes) {
    try {
      ConfigFiles.saveRemotes(remotesFile(), remotes);
    } catch (ConfigException e) {
      throw new CliException(e.getMessage(), null, e);
    }
  }

  /** The project file. @throws CliException with the original's message and hint */
  public ProjectConfig project() {
    try {
      return ConfigFiles.loadProject(projectFile);
    } catch (ConfigException e) {
      String why = e.isMissingFile() ? "file does not exist" : e.getMessage();
      throw new CliException(
          "could not find project configuration at '" + projectFile + "': " + why,
          "try instantiating a new project using 'inertia init'",
          e);
    }
  }

  public void saveProject(ProjectConfig project) {
    try {
      ConfigFiles.saveProject(projectFile, project);
    } catch (ConfigException e) {
      throw new CliException(e.getMessage(), null, e);
    }
  }
}
