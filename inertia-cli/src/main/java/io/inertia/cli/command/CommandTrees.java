package io.inertia.cli.command;

import picocli.CommandLine;

/** The whole static command tree, for completion scripts and man pages. */
public final class CommandTrees {
  /** The name per-remote commands are documented under. */
  public static final String REMOTE = "REMOTE";

  private CommandTrees() {}

  /**
   * Every built-in command plus, when {@code remotePlaceholder} is given, one per-remote command
   * tree under that name.
   */
  public static CommandLine full(CliContext ctx, String remotePlaceholder) {
    CommandFactory factory = new CommandFactory(ctx, null);
    CommandLine root = new CommandLine(create(factory, InertiaCommand.class), factory);
    root.addSubcommand(new CommandLine(create(factory, HelpCommand.class), factory));
    for (Class<?> cls : BuiltinCommands.COMMANDS.values()) {
      root.addSubcommand(new CommandLine(create(factory, cls), factory));
    }
    if (remotePlaceholder != null) {
      CommandLine host = host(ctx, remotePlaceholder);
      host.getCommandSpec().usageMessage().description(
          "Per-remote commands: 'inertia <remote> …' for every remote in the remotes file");
      root.addSubcommand(remotePlaceholder, host);
    }
    return root;
  }

  /** {@code inertia <name> …}: every per-remote command under the remote's name. */
  public static CommandLine host(CliContext ctx, String name) {
    return host(ctx, name, null);
  }

  /**
   * {@code inertia <name> …} with only the subcommand {@code only} names (a name or alias), or all of
   * them when {@code only} is null or names none.
   */
  public static CommandLine host(CliContext ctx, String name, String only) {
    CommandFactory remoteFactory = new CommandFactory(ctx, name);
    CommandLine host = new CommandLine(create(remoteFactory, RemoteHostCommand.class), remoteFactory);
    host.getCommandSpec().name(name);
    Class<?> chosen = null;
    for (Class<?> cls : RemoteHostCommand.SUBCOMMANDS) {
      CommandLine.Command c = cls.getAnnotation(CommandLine.Command.class);
      if (only != null && (c.name().equals(only) || java.util.Arrays.asList(c.aliases()).contains(only))) {
        chosen = cls;
      }
    }
    for (Class<?> cls : RemoteHostCommand.SUBCOMMANDS) {
      if (chosen == null || chosen == cls) {
        host.addSubcommand(new CommandLine(create(remoteFactory, cls), remoteFactory));
      }
    }
    return host;
  }

  static Object create(CommandFactory factory, Class<?> cls) {
    try {
      return factory.create(cls);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create " + cls.getName(), e);
    }
  }
}
