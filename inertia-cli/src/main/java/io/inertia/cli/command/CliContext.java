package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.cli.daemon.DaemonClient;
import io.inertia.cli.local.LocalConfig;
import io.inertia.cli.output.Console;
import io.inertia.common.config.RemoteConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * What every command needs from the outside world, in one injectable value: environment, working
 * directory, config locations, console, the daemon client factory and the SSH operations. Tests build
 * one over temp dirs and captured streams; {@code InertiaCli.main} builds it from the process.
 */
public final class CliContext {
  private final Map<String, String> env;
  private final Path workingDirectory;
  private final LocalConfig config;
  private final Console console;
  private final BiFunction<RemoteConfig, Console, DaemonClient> clients;
  private final Supplier<RemoteOperations> remoteOperations;

  public CliContext(
      Map<String, String> env,
      Path workingDirectory,
      LocalConfig config,
      Console console,
      BiFunction<RemoteConfig, Console, DaemonClient> clients,
      Supplier<RemoteOperations> remoteOperations) {
    this.env = env;
    this.workingDirectory = workingDirectory;
    this.config = config;
    this.console = console;
    this.clients = clients;
    this.remoteOperations = remoteOperations;
  }

  /** The SSH operations found on the class path ({@code META-INF/services}), or null if none. */
  public static Supplier<RemoteOperations> serviceLoaderOperations() {
    return () -> ServiceLoader.load(RemoteOperations.class).findFirst().orElse(null);
  }

  public Map<String, String> env() {
    return env;
  }

  public Path workingDirectory() {
    return workingDirectory;
  }

  public LocalConfig config() {
    return config;
  }

  public Console console() {
    return console;
  }

  public DaemonClient client(RemoteConfig remote) {
    return clients.apply(remote, console);
  }

  /**
   * The SSH layer. @throws CliException "not available in this build" when no implementation is
   * installed
   */
  public RemoteOperations remoteOperations(String command) {
    RemoteOperations ops = remoteOperations.get();
    if (ops == null) {
      throw new CliException(
          "'" + command + "' needs the SSH layer, which is not available in this build",
          "perhaps you should use a full build of inertia, or run the daemon commands over HTTPS");
    }
    return ops;
  }
}
