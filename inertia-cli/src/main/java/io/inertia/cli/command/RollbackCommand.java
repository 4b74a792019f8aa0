package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.cli.daemon.DaemonException;
import io.inertia.common.api.Release;
import io.inertia.common.api.StreamLines;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code inertia <remote> rollback [#N|N]}: redeploys a previous release (default: the newest
 * succeeded one before the current release with another commit). The target is checked against
 * {@code releases} before anything is announced; the end is {@code up}'s summary.
 */
@Command(
    name = "rollback",
    description = "Return to a previous release (default: the last successful one before the current)",
    footerHeading = "%nExamples:%n",
    footer = {"  inertia REMOTE rollback        the previous successful release",
        "  inertia REMOTE rollback 3      release #3 (also '#3'), as listed by 'inertia REMOTE releases'"})
public final class RollbackCommand extends RemoteBaseCommand implements RemoteHostCommand.Streaming {
  @Parameters(arity = "0..1", paramLabel = "RELEASE", description = "release id from 'releases': 3 or #3")
  String id;

  @Override
  protected Integer run() {
    Long wanted = parse(id);
    List<Release> releases;
    try {
      releases = client().releases();
    } catch (DaemonException e) {
      throw ReleasesCommand.notOffered(e, remoteName(), "rollback");
    }
    Release target = wanted == null ? previous(releases) : find(releases, wanted);
    console().println("rolling back to release #" + target.id() + " (" + ReleasesCommand.describe(target) + ")");
    long started = System.nanoTime();
    Optional<StreamLines.Outcome> outcome;
    try {
      if (shortOutput()) {
        console().println(client().rollback(target.id()));
        return 0;
      }
      outcome = client().rollbackStream(target.id(), console()::raw);
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
    DeploySummary.print(console(), client(), remote(), started);
    return 0;
  }

  private Long parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String digits = text.startsWith("#") ? text.substring(1) : text;
    if (!digits.matches("\\d{1,18}") || Long.parseLong(digits) == 0) {
      throw new ParameterException(spec.commandLine(),
          "a release is a number such as 3 or #3 (see 'inertia " + remoteName() + " releases'), not '" + text + "'");
    }
    return Long.parseLong(digits);
  }

  private Release find(List<Release> releases, long wanted) {
    Release r = releases.stream().filter(x -> x.id() == wanted).findFirst().orElseThrow(() -> new CliException(
        "there is no release #" + wanted + " on remote '" + remoteName() + "'" + known(releases),
        "perhaps you should run 'inertia " + remoteName() + " releases'"));
    if (!"succeeded".equals(r.outcome())) {
      throw new CliException("release #" + wanted + " did not succeed (" + r.outcome() + "), so it cannot be restored",
          "perhaps you should pick a succeeded release from 'inertia " + remoteName() + " releases'");
    }
    return r;
  }

  /** The daemon's default: the newest succeeded release older than the current one, with another commit. */
  private Release previous(List<Release> releases) {
    Optional<Release> current = releases.stream().filter(Release::current).findFirst();
    long below = current.map(Release::id).orElse(Long.MAX_VALUE);
    String commit = current.map(Release::commitHash).orElse("");
    List<Release> older = releases.stream()
        .filter(r -> r.id() < below && "succeeded".equals(r.outcome()) && r.commitHash() != null
            && !r.commitHash().isBlank())
        .toList();
    return older.stream().filter(r -> !r.commitHash().equals(commit)).findFirst().orElseThrow(() -> older.isEmpty()
        ? new CliException("there is no earlier successful release to return to on remote '" + remoteName() + "'",
            "perhaps you should run 'inertia " + remoteName() + " releases'")
        : new CliException("every earlier successful release deployed the same commit as the current one ("
            + ReleasesCommand.shortHash(commit) + ")",
            "to redeploy one anyway, name it: 'inertia " + remoteName() + " rollback " + older.get(0).id() + "'"));
  }

  private static String known(List<Release> releases) {
    if (releases.isEmpty()) {
      return " (there are no releases yet)";
    }
    return " (releases: " + String.join(", ", releases.stream().limit(10).map(r -> "#" + r.id()).toList())
        + (releases.size() > 10 ? ", …" : "") + ")";
  }
}
