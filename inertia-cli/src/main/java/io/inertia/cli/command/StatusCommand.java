package io.inertia.cli.command;

import io.inertia.cli.command.options.JsonOptions;
import io.inertia.cli.daemon.DaemonClient;
import io.inertia.cli.daemon.DaemonException;
import io.inertia.common.api.DeploymentStatus;
import io.inertia.common.api.Release;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code inertia <remote> status [--json]}: the deployment, its containers and the last releases. */
@Command(
    name = "status",
    description = "Show what runs on this remote: the deployed commit, its containers and the last releases",
    footerHeading = "%nExamples:%n",
    footer = {"  inertia REMOTE status", "  inertia REMOTE status --json"})
public final class StatusCommand extends RemoteBaseCommand {
  @Mixin JsonOptions json;

  @Override
  protected Integer run() {
    DaemonClient client = client();
    DeploymentStatus status = client.status();
    List<Release> releases = releases(client);
    if (json.json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("remote", remoteName());
      out.put("address", client.address().toString());
      out.put("status", status);
      out.put("releases", ReleasesCommand.tidy(releases));
      out.put("daemon_settings", daemonSettings());
      Json.print(console(), out);
      return 0;
    }
    console().println("Inertia daemon on remote \"" + remoteName() + "\" (" + client.address() + ") is online");
    console().println(" - Branch:     " + nz(status.branch()));
    console().println(" - Commit:     " + nz(status.commitHash()));
    console().println(" - Message:    " + nz(status.commitMessage()));
    console().println(" - Build Type: " + nz(status.buildType()));
    if (status.noDeployment()) {
      console().println("No deployment found - try running 'inertia " + remoteName() + " up'");
    }
    List<String> containers = status.containers() == null ? List.of() : status.containers();
    if (status.buildActive()) {
      console().println(console().yellow("It appears that your build is still in progress."));
    }
    boolean down = containers.isEmpty() && !status.buildActive();
    if (down && !status.noDeployment()) {
      console().println("The project is down: no containers are running - 'inertia " + remoteName()
          + " up' deploys it again, 'inertia " + remoteName() + " rollback' restarts the last release");
    } else if (containers.isEmpty()) {
      console().println("No containers are active.");
    } else {
      console().println("Active containers:");
      containers.forEach(c -> console().println(" - " + LogTargets.bare(c)));
    }
    if (!releases.isEmpty()) {
      console().println(down ? "Recent releases (none serving):" : "Recent releases:");
      releases.stream().limit(3).forEach(r -> console().println(" - " + ReleasesCommand.line(r, !down)));
    }
    console().println("Inertia daemon " + nz(status.version()));
    Map<String, String> settings = daemonSettings();
    if (!settings.isEmpty()) {
      console().println("Daemon settings (set with init/upgrade):");
      settings.forEach((k, v) -> console().println(" - " + k + "=" + v));
    }
    String next = status.newVersionAvailable();
    if (next != null && !next.isEmpty()) {
      console().println(":rocket: Inertia version " + next + " is now available!");
      console().println("Go to https://github.com/ubclaunchpad/inertia/releases/tag/" + next + " for more details.");
      console().println("Run 'inertia " + remoteName() + " upgrade --help' for tips on upgrading.");
    }
    return 0;
  }

  /** The release list, or none when the daemon does not offer it (an original daemon answers 404). */
  private List<Release> releases(DaemonClient client) {
    try {
      return client.releases();
    } catch (DaemonException e) {
      console().debug("no releases: " + e.getMessage());
      return List.of();
    }
  }

  /** The settings {@code init}/{@code upgrade} passed to the daemon, as remembered in the remotes file. */
  private Map<String, String> daemonSettings() {
    return remote().daemon() == null ? Map.of() : remote().daemon().settings();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
