package io.inertia.cli.command;

import io.inertia.cli.CliException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inertia <remote> user add <user> [--admin]}. */
@Command(
    name = "add",
    description = "Create a user with access to this remote's Inertia daemon (asks for the password)",
    footerHeading = "%nExamples:%n",
    footer = {"  inertia REMOTE user add alice", "  inertia REMOTE user add bob --admin",
        "", "User names: 3 to 127 characters; letters, digits, '_' and '-' (the original's rule)."})
public final class UserAddCommand extends RemoteBaseCommand {
  @Parameters(index = "0", paramLabel = "USER", description = "the new user's name") String user;

  @Option(names = "--admin", description = "create an admin user")
  boolean admin;

  @Override
  protected Integer run() {
    // The daemon's rules (the original's), said before asking rather than after a refusal.
    console().println("Passwords: 5 to 127 characters; letters, digits, '_' and '-'.");
    String password = console().password(":key: Enter a password for user '" + user + "': ").trim();
    if (password.isEmpty()) {
      throw new CliException("Invalid password", "perhaps you should enter a non-empty password");
    }
    console().println("creating user '" + user + "'" + (admin ? " as an administrator" : "") + "...");
    client().userAdd(user, password, admin);
    console().println("user has been created");
    return 0;
  }
}
