package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.common.config.RemotesConfig;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code inertia remote rm <remote>...}. */
@Command(name = "rm", description = "Remove a configured remote")
public final class RemoteRmCommand extends BaseCommand {
  @Parameters(arity = "1..*", paramLabel = "REMOTE", description = "remotes to remove from the remotes file") List<String> names;

  @Override
  public Integer call() {
    RemotesConfig remotes = config().remotes();
    for (String name : names) {
      if (remotes.remote(name).isEmpty()) {
        config().saveRemotes(remotes);
        throw new CliException("failed to remove remote '" + name + "'",
            "no such remote - perhaps you should run 'inertia remote ls'");
      }
      remotes = remotes.withoutRemote(name);
      config().saveRemotes(remotes);
      console().println("remote '" + name + "' removed");
    }
    return 0;
  }
}
