package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.cli.daemon.DaemonException;
import io.inertia.common.api.StreamLines;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code inertia <remote> rollback [id]}: redeploys a previous release (default: the last good one). */
@Command(name = "rollback", description = "Return to a previous release (default: the previous successful one)")
public final class RollbackCommand extends RemoteBaseCommand {
  @Parameters(arity = "0..1", paramLabel = "id", description = "release id from 'releases'")
  Long id;

  @Override
  protected Integer run() {
    console().println(id == null ? "rolling back to the previous release" : "rolling back to release #" + id);
    Optional<StreamLines.Outcome> outcome;
    try {
      if (shortOutput()) {
        console().println(client().rollback(id));
        return 0;
      }
      outcome = client().rollbackStream(id, console()::raw);
    } catch (DaemonException e) {
      throw ReleasesCommand.notOffered(e, remoteName(), "rollback");
    }
    if (outcome.isEmpty()) {
      throw new CliException("the rollback stream ended before the daemon reported an outcome",
          "perhaps you should run 'inertia " + remoteName() + " status'");
    }
    if (!outcome.get().success()) {
      throw new CliException("[error " + outcome.get().code() + "] " + outcome.get().message());
    }
    console().println(console().green("[success " + outcome.get().code() + "] " + outcome.get().message()));
    return 0;
  }
}
