package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.cli.command.options.JsonOptions;
import io.inertia.common.config.RemoteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code inertia remote show <remote> [--json]}. */
@Command(name = "show", description = "Show details about a remote")
public final class RemoteShowCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "REMOTE", description = "a configured remote") String name;

  @Mixin JsonOptions json;

  @Override
  public Integer call() {
    RemoteConfig r =
        config().remotes().remote(name)
            .orElseThrow(() -> new CliException("no remote '" + name + "' currently configured",
                "perhaps you should run 'inertia remote ls'"));
    if (json.json) {
      Json.print(console(), RemoteDetails.json(r));
    } else {
      console().println(console().bold(console().cyan("remote '" + r.name() + "'")));
      RemoteDetails.print(console(), r);
    }
    return 0;
  }
}
