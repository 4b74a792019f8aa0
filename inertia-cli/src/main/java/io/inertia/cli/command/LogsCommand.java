package io.inertia.cli.command;

import io.inertia.cli.daemon.DaemonClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inertia <remote> logs [container] [--entries N]}: follows a container's log over the websocket
 * until the daemon closes it or Ctrl-C (a shutdown hook closes the socket); {@code --short} prints the
 * last entries once.
 */
@Command(name = "logs", description = "Access logs of containers on your remote host")
public final class LogsCommand extends RemoteBaseCommand {
  @Parameters(arity = "0..1", paramLabel = "container", defaultValue = "/inertia-daemon")
  String container;

  @Option(names = {"-f", "--follow"}, description = "follow the log (the default; --short prints once instead)")
  boolean follow;

  @Option(names = "--entries", paramLabel = "<n>", defaultValue = "0", description = "number of log entries to fetch (0: the daemon default of 500)")
  int entries;

  @Override
  protected Integer run() throws InterruptedException {
    DaemonClient client = client();
    if (shortOutput() && !follow) {
      console().raw(String.join("\n", client.logs(container, entries)));
      return 0;
    }
    DaemonClient.LogStream stream = client.logsStream(container, entries, console()::raw);
    Thread hook = new Thread(stream::close, "inertia-logs-close");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stream.await();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and closes the socket.
      }
      stream.close();
    }
    return 0;
  }
}
