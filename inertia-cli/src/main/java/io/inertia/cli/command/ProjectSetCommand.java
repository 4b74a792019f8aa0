package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.common.config.InvalidPropertyException;
import io.inertia.common.config.ProjectConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code inertia project set <property> <value>}: sets {@code name}, {@code url} or {@code version}. */
@Command(name = "set", description = "Set a property on your project configuration (name, url, version)")
public final class ProjectSetCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "PROPERTY", description = "name or url") String property;

  @Parameters(index = "1", paramLabel = "VALUE", description = "the new value") String value;

  @Override
  public Integer call() {
    ProjectConfig project = project();
    try {
      config().saveProject(project.withProperty(property, value));
    } catch (InvalidPropertyException e) {
      // The original printed this and exited 0; a failure now exits 1.
      throw new CliException(
          "configuration setting '" + property + "' could not be updated: " + e.getMessage(),
          "perhaps you should use one of name, url, version; profiles are set with 'inertia project profile configure'");
    }
    console().println("configuration setting '" + property + "' has been updated");
    return 0;
  }
}
