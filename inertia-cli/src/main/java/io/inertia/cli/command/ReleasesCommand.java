package io.inertia.cli.command;

import io.inertia.cli.command.options.JsonOptions;
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
    List<Release> releases = client().releases();
    if (json.json) {
      Json.print(console(), releases);
      return 0;
    }
    if (releases.isEmpty()) {
      console().println("no releases yet - try running 'inertia " + remoteName() + " up'");
      return 0;
    }
    releases.forEach(r -> console().println(line(r)));
    return 0;
  }

  static String line(Release r) {
    String commit = r.commitHash() == null ? "" : r.commitHash();
    if (commit.length() > 8) {
      commit = commit.substring(0, 8);
    }
    String message = r.commitMessage() == null ? "" : r.commitMessage().lines().findFirst().orElse("");
    return "#" + r.id() + (r.current() ? " (current)" : "") + " " + nz(r.outcome()) + " " + commit + " "
        + nz(r.branch()) + " " + nz(r.startedAt()) + " " + message
        + (r.error() == null || r.error().isEmpty() ? "" : " [" + r.error() + "]");
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
