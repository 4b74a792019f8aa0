package io.inertia.cli.command;

import io.inertia.cli.command.options.JsonOptions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code inertia <remote> user ls [--json]}. */
@Command(name = "ls", description = "List all users with access to this remote's Inertia daemon")
public final class UserLsCommand extends RemoteBaseCommand {
  @Mixin JsonOptions json;

  @Override
  protected Integer run() {
    List<String> users = client().userList();
    if (json.json) {
      Json.print(console(), users);
    } else if (users.isEmpty()) {
      console().println("no users yet - add one with 'inertia " + remoteName() + " user add <name>'");
    } else {
      users.forEach(console()::raw);
    }
    return 0;
  }
}
