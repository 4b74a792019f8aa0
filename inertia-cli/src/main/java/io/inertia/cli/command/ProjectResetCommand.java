package io.inertia.cli.command;

import io.inertia.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import picocli.CommandLine.Command;

/** {@code inertia project reset}: deletes {@code inertia.toml} after a confirmation. */
@Command(name = "reset", description = "Remove project configuration")
public final class ProjectResetCommand extends BaseCommand {
  @Override
  public Integer call() {
    if (!console().confirm("Would you like to reset your project configuration? (y/N)", false)) {
      console().println("aborting");
      return 1;
    }
    try {
      Files.deleteIfExists(config().projectFile());
    } catch (IOException e) {
      throw new CliException("could not remove " + config().projectFile() + ": " + e.getMessage());
    }
    return 0;
  }
}
