package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.cli.daemon.DaemonClient;
import io.inertia.common.api.StreamLines;
import io.inertia.common.api.UpRequest;
import io.inertia.common.config.DaemonConfig;
import io.inertia.common.config.Profile;
import io.inertia.common.config.ProjectConfig;
import io.inertia.common.config.RemoteConfig;
import io.inertia.common.git.GitUrls;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code inertia <remote> up [-p profile]}: deploys. The streamed form ends when the daemon sends its
 * final line, and its outcome is the exit code; {@code --profile} is honoured; notifier and intermediary
 * settings are sent in both modes (all three were bugs in the original).
 */
@Command(
    name = "up",
    description = "Deploy the project to this remote (builds the branch of the profile and starts it)",
    footerHeading = "%nExamples:%n",
    footer = {"  inertia REMOTE up", "  inertia REMOTE up -p staging     deploy with profile 'staging'"})
public final class UpCommand extends RemoteBaseCommand implements RemoteHostCommand.Streaming {
  @Option(names = {"-p", "--profile"}, paramLabel = "<profile>", description = "profile to deploy (default: the one applied to this remote, else 'default')")
  String profileName;

  @Override
  protected Integer run() {
    ProjectConfig project = requireProject();
    RemoteConfig remote = remote();
    String name = profileName != null && !profileName.isEmpty() ? profileName : remote.appliedProfile(project.name());
    Profile profile =
        project.profile(name)
            .orElseThrow(() -> new CliException("could not find profile '" + name + "'",
                "perhaps you should create it with 'inertia project profile configure " + name + "'"));
    if (profile.build() == null) {
      throw new CliException("profile '" + name + "' has no build configuration",
          "perhaps you should run 'inertia project profile configure " + name + " --build.type … --build.file …'");
    }
    console().println("deploying project '" + project.name() + "' using profile '" + name + "'");
    boolean stream = !shortOutput();
    DaemonConfig daemon = remote.daemon() == null ? DaemonConfig.empty() : remote.daemon();
    List<String> intermediary = profile.build().intermediaryContainers();
    String slack = profile.notifiers() == null ? null : profile.notifiers().slackNotificationUrl();
    UpRequest request =
        new UpRequest(
            stream,
            project.name(),
            profile.build().type().wireName(),
            profile.build().buildfile(),
            new UpRequest.GitOptions(GitUrls.toSshForm(project.url()), profile.branch()),
            daemon.webhookSecret(),
            intermediary.isEmpty() ? null : intermediary,
            slack == null || slack.isEmpty() ? null : slack);
    DaemonClient client = client();
    if (!stream) {
      console().println(client.up(request));
      console().println("deployment started on remote '" + remoteName() + "'; 'inertia " + remoteName()
          + " status' shows when it serves");
      return 0;
    }
    long started = System.nanoTime();
    // Ctrl-C only stops watching: the daemon goes on deploying.
    Thread interrupted =
        new Thread(() -> console().warn("stopped following the deployment; it goes on on the remote - "
            + "'inertia " + remoteName() + " status' shows how it ends"), "inertia-up-interrupted");
    Runtime.getRuntime().addShutdownHook(interrupted);
    Optional<StreamLines.Outcome> outcome;
    PullFailureHint pulls = new PullFailureHint(console()::raw);
    try {
      outcome = client.upStream(request, pulls);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(interrupted);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running.
      }
    }
    if (outcome.isEmpty()) {
      throw new CliException("the deployment stream ended before the daemon reported an outcome",
          "perhaps you should run 'inertia " + remoteName() + " status' to see what is running");
    }
    StreamLines.Outcome o = outcome.get();
    if (!o.success()) {
      throw new CliException("[error " + o.code() + "] " + o.message(),
          pulls.hint(remoteName()).orElse(
              "perhaps you should run 'inertia " + remoteName() + " logs' to see the daemon's log"));
    }
    console().println(console().green("[success " + o.code() + "] " + o.message()));
    DeploySummary.print(console(), client, remote, started);
    return 0;
  }
}
