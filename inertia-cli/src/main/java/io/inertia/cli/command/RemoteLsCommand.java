package io.inertia.cli.command;

import io.inertia.cli.command.options.JsonOptions;
import io.inertia.cli.command.options.VerboseOptions;
import io.inertia.common.config.RemoteConfig;
import io.inertia.common.config.RemotesConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code inertia remote ls [-v] [--json]}. */
@Command(name = "ls", description = "List currently configured remotes")
public final class RemoteLsCommand extends BaseCommand {
  @Mixin VerboseOptions verbose;

  @Mixin JsonOptions json;

  @Override
  public Integer call() {
    RemotesConfig remotes = config().remotes();
    if (json.json) {
      Json.print(console(), remotes.remotes().stream().map(RemoteDetails::json).toList());
      return 0;
    }
    for (RemoteConfig r : remotes.remotes()) {
      if (verbose.verbose) {
        console().println("remote '" + console().cyan(r.name()) + "'");
        RemoteDetails.print(console(), r);
        console().println("");
      } else {
        console().println(r.name());
      }
    }
    return 0;
  }
}
