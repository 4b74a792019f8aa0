package io.inertia.daemon;

import io.inertia.common.Version;
import io.inertia.common.api.ApiPaths;
import io.inertia.daemon.auth.TokenService;
import io.inertia.daemon.docker.Deployments;
import io.inertia.daemon.settings.DaemonSettings;
import io.inertia.daemon.settings.WebhookSecretFile;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Entry point of {@code inertiad} (docs/original.md#the-inertiad-command): {@code run [host]}, {@code token}, {@code --version}. */
@Command(
    name = "inertiad",
    mixinStandardHelpOptions = true,
    versionProvider = InertiaDaemon.VersionProvider.class,
    description = "Inertia daemon: serves the deployment API over HTTPS.",
    subcommands = {InertiaDaemon.RunCommand.class, InertiaDaemon.TokenCommand.class})
public final class InertiaDaemon implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-v"))) {
      System.out.println("inertiad version " + Version.current());
      return;
    }
    int code = new CommandLine(new InertiaDaemon()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return 2;
  }

  /** Environment variable naming the address the daemon listens on (unset: every interface). */
  static final String LISTEN_ENV = "INERTIA_LISTEN_ADDRESS";

  /** {@code inertiad run [host] [-p PORT] [--listen ADDRESS] [--webhook.secret-file F | --webhook.secret S]}. */
  @Command(name = "run", mixinStandardHelpOptions = true, description = "Run the daemon.")
  static final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", description = "Address the daemon is reached at (certificate SAN).")
    String host = "";

    @Option(names = {"-p", "--port"}, description = "Port to listen on (default ${DEFAULT-VALUE}).")
    int port = ApiPaths.DEFAULT_PORT;

    @Option(
        names = "--webhook.secret",
        description =
            "Webhook secret; persisted. Visible to every local user in the process list: prefer --webhook.secret-file"
                + " or INERTIA_WEBHOOK_SECRET(_FILE).")
    String webhookSecret;

    @Option(
        names = "--webhook.secret-file",
        paramLabel = "FILE",
        description = "File holding the webhook secret on one line (also INERTIA_WEBHOOK_SECRET_FILE); persisted.")
    java.nio.file.Path webhookSecretFile;

    @Option(
        names = "--listen",
        description = "Address to listen on (also " + LISTEN_ENV + "); default: every interface.")
    String listen;

    /** The interface to bind: {@code --listen}, else {@code INERTIA_LISTEN_ADDRESS}, else null (every interface). */
    String listenAddress(java.util.Map<String, String> env) {
      String value = listen != null ? listen : env.get(LISTEN_ENV);
      return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public Integer call() throws Exception {
      normaliseLegacyArgument();
      return serve();
    }

    void normaliseLegacyArgument() {
      if (host.trim().contains(" ")) {
        // The original daemon-up.sh passes "<host> --webhook.secret <secret>" as one argument (docs/original.md#daemon-container);
        // accept that form too.
        RunCommand again = new RunCommand();
        new CommandLine(again).parseArgs(host.trim().split("\\s+"));
        if (webhookSecret == null) {
          webhookSecret = again.webhookSecret;
        }
        if (webhookSecretFile == null) {
          webhookSecretFile = again.webhookSecretFile;
        }
        host = again.host;
      }
    }

    private Integer serve() throws Exception {
      DaemonSettings settings;
      try {
        settings = DaemonSettings.fromEnvironment();
        if (webhookSecret != null && webhookSecretFile != null) {
          throw new IllegalArgumentException("give --webhook.secret or --webhook.secret-file, not both");
        }
        if (webhookSecretFile != null) {
          settings = settings.withWebhookSecret(WebhookSecretFile.read(webhookSecretFile));
        } else if (webhookSecret != null && !webhookSecret.isBlank()) {
          settings = settings.withWebhookSecret(webhookSecret);
        }
      } catch (IllegalArgumentException e) {
        System.err.println("error: " + e.getMessage());
        return 2;
      }
      DaemonRuntime runtime;
      try {
        runtime = new DaemonRuntime(settings, host, listenAddress(System.getenv()), port, Clock.systemUTC());
      } catch (RuntimeException e) {
        System.err.println("error: " + e.getMessage());
        return 1;
      }
      DeploymentWiring wiring;
      try {
        wiring =
            new DeploymentWiring(
                runtime,
                Deployments.fromEnvironment(
                    runtime.database(), DeploymentWiring.environmentSource(runtime.environment()), Version.current()),
                Version.current(),
                Clock.systemUTC(),
                System.getenv());
      } catch (RuntimeException e) {
        System.err.println("error: cannot set up deployments: " + e.getMessage());
        runtime.close();
        return 1;
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    wiring.close();
                    runtime.close();
                    stopped.countDown();
                  },
                  "inertiad-shutdown"));
      try {
        runtime.start(wiring.routeGroups(), wiring.statusSource());
      } catch (RuntimeException e) {
        String where = listenAddress(System.getenv()) == null ? "port " + port : listenAddress(System.getenv()) + " port " + port;
        System.err.println("error: cannot serve on " + where + ": " + e.getMessage());
        wiring.close();
        runtime.close();
        return 1;
      }
      stopped.await();
      return 0;
    }
  }

  /** {@code inertiad token}: prints a master token signed with this daemon's key (creating the key if missing). */
  @Command(name = "token", mixinStandardHelpOptions = true, description = "Print a master API token.")
  static final class TokenCommand implements Callable<Integer> {
    @Override
    public Integer call() {
      try {
        DaemonSettings settings = DaemonSettings.fromEnvironment();
        System.out.println(TokenService.fromKeyFile(settings.jwtKeyFile(), Clock.systemUTC()).masterToken());
        return 0;
      } catch (RuntimeException e) {
        System.err.println("error: " + e.getMessage());
        return 1;
      }
    }
  }

  /** The version picocli prints for {@code --version}. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"inertiad version " + Version.current()};
    }
  }
}
