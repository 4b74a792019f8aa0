package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.cli.command.options.JsonOptions;
import io.inertia.cli.daemon.DaemonException;
import io.inertia.common.api.Release;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code inertia <remote> releases [--json]}: the deploy history (new in this port). */
@Command(name = "releases", description = "List the releases (deploy attempts) of the project on this remote")
public final class ReleasesCommand extends RemoteBaseCommand {
  @Mixin JsonOptions json;

  @Override
  protected Integer run() {
    List<Release> releases;
    try {
      releases = client().releases();
    } catch (DaemonException e) {
      throw notOffered(e, remoteName(), "release history");
    }
    if (json.json) {
      Json.print(console(), tidy(releases));
      return 0;
    }
    if (releases.isEmpty()) {
      console().println("no releases yet - try running 'inertia " + remoteName() + " up'");
      return 0;
    }
    // Columns widen to the data, so long branches or timestamps with fractions of seconds keep the table aligned.
    int branch = width(12, releases.stream().map(r -> nz(r.branch())).toList());
    int trigger = width(8, releases.stream().map(r -> nz(r.trigger())).toList());
    int started = width(20, releases.stream().map(r -> nz(r.startedAt())).toList());
    String rest = " %-8s %-" + branch + "s %-" + trigger + "s %-" + started + "s %s";
    console().println(String.format("%-6s %-10s" + rest, "ID", "OUTCOME", "COMMIT", "BRANCH", "TRIGGER", "STARTED",
        "MESSAGE"));
    for (Release r : releases) {
      String outcome = nz(r.outcome());
      String painted = String.format("%-10s", outcome);
      painted = switch (outcome) {
        case "succeeded" -> console().green(painted);
        case "failed" -> console().red(painted);
        default -> console().yellow(painted);
      };
      console().println(String.format("%-6s ", "#" + r.id() + (r.current() ? "*" : "")) + painted
          + String.format(rest, shortHash(r.commitHash()), nz(r.branch()), nz(r.trigger()),
              nz(r.startedAt()), firstLine(r.commitMessage()))
          + (r.error() == null || r.error().isEmpty() ? "" : " [" + r.error() + "]"));
    }
    console().println("(* = serving now; 'inertia " + remoteName() + " rollback <id>' returns to a release)");
    return 0;
  }

  /** The releases as JSON shows them: commit messages without trailing line breaks (as {@code status}). */
  static List<Release> tidy(List<Release> releases) {
    return releases.stream().map(r -> new Release(r.id(), r.commitHash(),
        r.commitMessage() == null ? null : r.commitMessage().strip(), r.branch(), r.buildType(), r.buildFilePath(),
        r.trigger(), r.startedAt(), r.finishedAt(), r.outcome(), r.error(), r.current())).toList();
  }

  /** A 404 means the daemon predates releases (an original Inertia daemon, or an older port). */
  static RuntimeException notOffered(DaemonException e, String remote, String what) {
    // Only the unknown-endpoint answer ("not found"); "release N not found" is the daemon speaking.
    if (e.code() == 404 && e.getMessage().endsWith("] not found")) {
      return new CliException("the daemon on remote '" + remote + "' does not offer " + what + " (" + e.getMessage() + ")",
          "perhaps you should upgrade it with 'inertia " + remote + " upgrade'", e);
    }
    return e;
  }

  /** One line per release, for {@code status}. */
  static String line(Release r, boolean serving) {
    return "#" + r.id() + (r.current() && serving ? " (current)" : "") + " " + nz(r.outcome()) + " " + shortHash(r.commitHash())
        + " " + nz(r.branch()) + " " + nz(r.startedAt()) + " " + firstLine(r.commitMessage())
        + (r.error() == null || r.error().isEmpty() ? "" : " [" + r.error() + "]");
  }

  private static int width(int minimum, List<String> values) {
    return Math.max(minimum, values.stream().mapToInt(String::length).max().orElse(0));
  }

  /** {@code commit abcdef12 (main) "fix things"}. */
  static String describe(Release r) {
    String message = firstLine(r.commitMessage());
    return "commit " + shortHash(r.commitHash()) + (nz(r.branch()).isEmpty() ? "" : " (" + r.branch() + ")")
        + (message.isEmpty() ? "" : " \"" + message + "\"");
  }

  static String shortHash(String hash) {
    String h = nz(hash);
    return h.length() > 8 ? h.substring(0, 8) : h;
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
