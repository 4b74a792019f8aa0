package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.common.config.RemotesConfig;

/** Validation of a new remote's name ({@code remote add}, {@code remote login}). */
final class RemoteNames {
  private RemoteNames() {}

  static void checkNew(RemotesConfig remotes, String name) {
    RemoteValues.name(name);
    if (remotes.remote(name).isPresent()) {
      throw new CliException("remote '" + name + "' already exists",
          "perhaps you should pick another name, or remove it with 'inertia remote rm " + name + "'");
    }
    if (BuiltinCommands.RESERVED.contains(name)) {
      throw new CliException(
          "'" + name + "' is the name of an Inertia command - please choose something else");
    }
  }
}
