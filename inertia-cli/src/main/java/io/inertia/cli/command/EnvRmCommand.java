package io.inertia.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code inertia <remote> env rm <name>}: fails when the variable is not set. */
@Command(
    name = "rm",
    description = "Remove an environment variable (the app keeps it until the next deploy)",
    footerHeading = "%nExample:%n",
    footer = "  inertia REMOTE env rm DATABASE_URL")
public final class EnvRmCommand extends RemoteBaseCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "the variable to remove")
  String name;

  @Override
  protected Integer run() {
    boolean present = client().envList().stream().anyMatch(v -> v.equals(name) || v.startsWith(name + "="));
    if (!present) {
      throw EnvSetCommand.notSet(name, remoteName());
    }
    client().envRemove(name);
    console().println("removed " + name + " from remote '" + remoteName() + "'; the app keeps it until the next deploy"
        + " ('inertia " + remoteName() + " up')");
    return 0;
  }
}
