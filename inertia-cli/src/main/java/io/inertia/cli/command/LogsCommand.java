package io.inertia.cli.command;

import io.inertia.cli.daemon.DaemonClient;
import io.inertia.cli.daemon.LogStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code inertia <remote> logs [service|container] [-f] [-n N] [--daemon]}: follows the project's
 * containers (one, a compose service's, or all of them with a prefix per line) over the websocket
 * until the daemon closes it or Ctrl-C (a shutdown hook closes the sockets); {@code --short} /
 * {@code --no-follow} prints the last entries once. Names are checked against {@code status} first, so
 * a typo lists the valid names instead of following nothing.
 */
@Command(
    name = "logs",
    description = "Show the logs of the project's containers (all of them, a compose service, or one container)",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inertia REMOTE logs                 follow every container of the project",
      "  inertia REMOTE logs web -n 100 -s   the last 100 lines of service 'web', once",
      "  inertia REMOTE logs --daemon        follow the Inertia daemon's own log"
    })
public final class LogsCommand extends RemoteBaseCommand implements RemoteHostCommand.Streaming {
  @Parameters(arity = "0..1", paramLabel = "SERVICE",
      description = "compose service (web) or container (demo-web-1); default: every container of the project")
  String name;

  @Option(names = {"-f", "--follow"}, negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "keep following new lines (the default; --no-follow or -s prints once)")
  boolean follow;

  @Option(names = {"-n", "--tail", "--entries"}, paramLabel = "<n>", defaultValue = "0",
      description = "number of earlier lines to show first (default: the daemon's 500)")
  int entries;

  @Option(names = "--daemon", description = "the Inertia daemon's own log instead of the project's")
  boolean daemon;

  /** For shell completion: the names {@code logs} accepts, one per line. */
  @Option(names = "--list-names", hidden = true)
  boolean listNames;

  @Override
  protected Integer run() throws InterruptedException {
    if (entries < 0) {
      throw new ParameterException(spec.commandLine(), "--tail must be 0 or more, not " + entries);
    }
    if (daemon && name != null) {
      throw new ParameterException(spec.commandLine(), "give either a name or --daemon, not both");
    }
    DaemonClient client = client();
    if (listNames) {
      Map<String, String> all = LogTargets.resolveAll(client.status().containers(), projectName());
      LogTargets.choices(all).forEach(console()::raw);
      return 0;
    }
    Map<String, String> targets =
        daemon ? Map.of(LogTargets.DAEMON, "inertia-daemon")
            : LogTargets.resolve(name, client.status().containers() == null ? List.of() : client.status().containers(),
                projectName(), remoteName());
    boolean prefix = targets.size() > 1;
    if (shortOutput() || !follow) {
      targets.forEach((container, label) -> {
        for (String line : client.logs(container, entries)) {
          console().raw(prefix ? label + " | " + line : line);
        }
      });
      return 0;
    }
    List<LogStream> streams = new ArrayList<>();
    Thread hook = new Thread(() -> streams.forEach(LogStream::close), "inertia-logs-close");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      for (Map.Entry<String, String> t : targets.entrySet()) {
        String label = t.getValue();
        streams.add(client.logsStream(t.getKey(), entries,
            prefix ? line -> console().raw(label + " | " + line) : console()::raw));
      }
      for (LogStream s : streams) {
        s.await();
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and closes the sockets.
      }
      streams.forEach(LogStream::close);
    }
    return 0;
  }

  private String projectName() {
    try {
      return config().projectFileExists() ? config().project().name() : null;
    } catch (RuntimeException unreadable) {
      return null;
    }
  }
}
