package io.inertia.cli;

import io.inertia.cli.command.BuiltinCommands;
import io.inertia.cli.command.CliContext;
import io.inertia.cli.command.CommandFactory;
import io.inertia.cli.command.CommandTrees;
import io.inertia.cli.command.HelpCommand;
import io.inertia.cli.command.InertiaCommand;
import io.inertia.cli.command.RemoteHostCommand;
import io.inertia.cli.command.RemoteOperations;
import io.inertia.cli.daemon.DaemonClient;
import io.inertia.cli.daemon.DaemonException;
import io.inertia.cli.local.LocalConfig;
import io.inertia.cli.output.Console;
import io.inertia.common.Version;
import io.inertia.common.config.ConfigException;
import io.inertia.common.config.ConfigPaths;
import io.inertia.common.config.RemoteConfig;
import io.inertia.common.config.RemotesConfig;
import io.inertia.common.config.VersionCheck;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Entry point of {@code inertia}. A lone {@code --version} is answered before picocli loads; otherwise
 * only the branch of the command tree that the first argument names is built (docs/performance.md, P1a/P1b),
 * and the remotes file is read only when that argument is not a built-in command.
 */
public final class InertiaCli {
  private InertiaCli() {}

  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-v"))) {
      System.out.println("inertia version " + Version.current());
      return;
    }
    if (FastPaths.remoteLs(args, System.getenv(), System.out)) {
      return;
    }
    Path cwd = Paths.get("").toAbsolutePath();
    int code =
        run(
            args,
            new Environment(
                System.getenv(),
                cwd,
                System.in,
                new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8),
                System.console() != null,
                DaemonClient::new,
                CliContext.serviceLoaderOperations()));
    System.exit(code);
  }

  /**
   * Everything a run depends on. Tests pass temp dirs, captured streams and stand-ins.
   *
   * @param env environment variables ({@code INERTIA_PATH}, {@code HOME}, {@code NO_COLOR}, …)
   * @param workingDirectory where {@code --config} and {@code init} resolve
   * @param terminal whether stdin/stdout are a terminal (passwords without echo)
   * @param clients the daemon client factory
   * @param remoteOperations the SSH layer, or a supplier of null
   */
  public record Environment(
      Map<String, String> env,
      Path workingDirectory,
      InputStream in,
      PrintStream out,
      PrintStream err,
      boolean terminal,
      BiFunction<RemoteConfig, Console, DaemonClient> clients,
      Supplier<RemoteOperations> remoteOperations) {}

  /** Parses and runs one command line; returns the exit code (0 ok, 1 failure, 2 usage). */
  public static int run(String[] args, Environment e) {
    PreScan pre = PreScan.of(args);
    Console console =
        Console.forProcess(e.env(), pre.simple, pre.debug, e.out(), e.err(), e.in(), e.terminal());
    String home = e.env().getOrDefault("HOME", System.getProperty("user.home", ""));
    ConfigPaths paths =
        ConfigPaths.of(e.env(), System.getProperty("os.name", ""), home.isEmpty() ? null : Paths.get(home));
    LocalConfig config = new LocalConfig(paths, e.workingDirectory().resolve(pre.config));
    CliContext ctx =
        new CliContext(e.env(), e.workingDirectory(), config, console, e.clients(), e.remoteOperations());
    try {
      CommandLine root = tree(ctx, pre.first, pre.second, console);
      HelpLayout.apply(root);
      root.setColorScheme(HelpLayout.scheme(console.colour()));
      root.setOut(new PrintWriter(e.out(), true));
      root.setErr(new PrintWriter(e.err(), true));
      root.setParameterExceptionHandler(new UsageErrors(console));
      root.setExecutionExceptionHandler((ex, cl, parsed) -> handle(ex, console, pre.debug));
      return root.execute(args);
    } catch (UsageException ex) {
      console.error(ex.getMessage(), ex.hint());
      return UsageErrors.EXIT_USAGE;
    } catch (CliException ex) {
      return handle(ex, console, pre.debug);
    }
  }

  private static int handle(Exception ex, Console console, boolean debug) {
    if (ex instanceof UsageException u) {
      console.error(u.getMessage(), u.hint());
      return UsageErrors.EXIT_USAGE;
    }
    if (ex instanceof CliException c) {
      console.error(c.getMessage(), c.hint());
    } else if (ex instanceof DaemonException d) {
      console.error(d.getMessage(), d.hint());
    } else if (ex instanceof ConfigException || ex instanceof Console.PromptException) {
      console.error(ex.getMessage(), null);
    } else {
      console.error(
          ex.getClass().getSimpleName() + ": " + ex.getMessage(),
          debug ? null : "perhaps you should run again with --debug for details");
    }
    if (debug) {
      ex.printStackTrace(console.err());
    }
    return 1;
  }

  /** Builds the root and the branch of the tree {@code first} names. */
  static CommandLine tree(CliContext ctx, String first, Console console) {
    return tree(ctx, first, null, console);
  }

  /** As above; {@code second} (the per-remote command, if known) limits the remote's branch to it. */
  static CommandLine tree(CliContext ctx, String first, String second, Console console) {
    CommandFactory factory = new CommandFactory(ctx, null);
    CommandLine root = new CommandLine(create(factory, InertiaCommand.class), factory);
    LocalConfig config = ctx.config();
    root.getCommandSpec()
        .usageMessage()
        .footer(
            "",
            "Global configuration directory: " + config.globalDirectory(),
            "",
            "Repository:    https://github.com/ubclaunchpad/inertia",
            "Issue tracker: https://github.com/ubclaunchpad/inertia/issues",
            "Documentation: https://inertia.ubclaunchpad.com");
    root.addSubcommand(new CommandLine(create(factory, HelpCommand.class), factory));
    String builtin = BuiltinCommands.resolve(first);
    if (builtin != null) {
      addBuiltin(root, factory, builtin);
      return root;
    }
    if ("help".equals(first)) {
      first = null;
    }
    if (first == null) {
      // Only the full help lists them; a remote's command line needs none of the built-ins.
      BuiltinCommands.COMMANDS.keySet().forEach(name -> addBuiltin(root, factory, name));
    }
    RemotesConfig remotes = config.remotesFileExists() ? config.remotes() : RemotesConfig.empty();
    List<String> names = remotes.remotes().stream().map(RemoteConfig::name).toList();
    if (first == null) {
      RootHelp.add(root, names, hostCommand(ctx, "REMOTE"), config.remotesFile().toString());
    } else if (!names.contains(first)) {
      throw unknownRemote(first, names, config.remotesFileExists());
    }
    for (RemoteConfig r : remotes.remotes()) {
      if (BuiltinCommands.RESERVED.contains(r.name())) {
        throw new CliException(
            "you have configured a remote named '" + r.name()
                + "', which is an Inertia command - please rename it in " + config.remotesFile());
      }
    }
    for (RemoteConfig r : remotes.remotes()) {
      if (first != null && !first.equals(r.name())) {
        continue;
      }
      Optional<String> unsupported = VersionCheck.checkDaemon(r.version());
      if (unsupported.isPresent()) {
        console.warn(":warning: Failed to load remote \"" + r.name() + "\": " + unsupported.get());
        continue;
      }
      CommandLine host = CommandTrees.host(ctx, r.name(), second);
      host.getCommandSpec().usageMessage().hidden(true);
      host.getCommandSpec().usageMessage().description("Manage and deploy to remote '" + r.name() + "'");
      // 'inertia <remote> ssh ls -la': everything from the command's first word on belongs to it.
      CommandLine ssh = host.getSubcommands().get("ssh"); // absent when another command was named
      if (ssh != null) {
        ssh.setStopAtUnmatched(true);
      }
      root.addSubcommand(r.name(), host);
    }
    return root;
  }

  private static CommandLine hostCommand(CliContext ctx, String name) {
    return CommandTrees.host(ctx, name);
  }

  /** The first word is neither a command nor a remote: say so, and what exists. */
  private static UsageException unknownRemote(String word, List<String> remotes, boolean remotesFileExists) {
    String commands = String.join(", ", BuiltinCommands.COMMANDS.keySet());
    if (word.startsWith("-")) {
      return new UsageException("unknown option '" + word + "'", "see 'inertia --help'");
    }
    if (remotes.isEmpty()) {
      return new UsageException("'" + word + "' is not a command, and no remotes are configured"
          + (remotesFileExists ? "" : " (no remotes file yet)"),
          "commands: " + commands + "; add a remote with 'inertia remote add " + word + "' (see 'inertia --help')");
    }
    return new UsageException("no remote '" + word + "'; configured: " + String.join(", ", remotes)
        + " (see 'inertia remote ls')",
        "commands: " + commands + "; add a remote with 'inertia remote add " + word + "' (see 'inertia --help')");
  }

  /** The whole static tree for documentation and completion (see {@link CommandTrees#full}). */
  static CommandLine fullTree(CliContext ctx, String remotePlaceholder) {
    return CommandTrees.full(ctx, remotePlaceholder);
  }

  private static void addBuiltin(CommandLine root, CommandFactory factory, String name) {
    Class<?> cls = BuiltinCommands.COMMANDS.get(name);
    root.addSubcommand(new CommandLine(create(factory, cls), factory));
  }

  private static Object create(CommandFactory factory, Class<?> cls) {
    try {
      return factory.create(cls);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create " + cls.getName(), e);
    }
  }

  /** The global options, read before picocli as the original does, and the first command word. */
  static final class PreScan {
    String config = "inertia.toml";
    boolean simple;
    boolean debug;
    String first;
    String second;

    static PreScan of(String[] args) {
      PreScan p = new PreScan();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--")) {
          break;
        }
        if (a.equals("--config") && i + 1 < args.length) {
          p.config = args[++i];
        } else if (a.startsWith("--config=")) {
          p.config = a.substring("--config=".length());
        } else if (a.equals("--simple")) {
          p.simple = true;
        } else if (a.equals("--debug")) {
          p.debug = true;
        } else if (!a.startsWith("-") && p.first == null) {
          p.first = a;
        } else if (!a.startsWith("-") && p.second == null) {
          p.second = a;
        }
      }
      return p;
    }
  }
}
