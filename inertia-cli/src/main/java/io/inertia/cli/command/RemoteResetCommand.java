package io.inertia.cli.command;

import io.inertia.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import picocli.CommandLine.Command;

/** {@code inertia remote reset}: deletes the global remotes file after a confirmation. */
@Command(name = "reset", description = "Remove all remotes from global configuration")
public final class RemoteResetCommand extends BaseCommand {
  @Override
  public Integer call() {
    config().remotes();
    if (!console().confirm("Would you like to reset ALL remote configuration? (y/N)", false)) {
      console().println("aborting");
      return 1;
    }
    try {
      Files.deleteIfExists(config().remotesFile());
    } catch (IOException e) {
      throw new CliException("could not remove " + config().remotesFile() + ": " + e.getMessage());
    }
    console().println("remote configuration successfully removed");
    return 0;
  }
}
