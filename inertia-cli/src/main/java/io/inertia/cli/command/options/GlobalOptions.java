package io.inertia.cli.command.options;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options accepted on every command (docs/original.md#cli-conventions). Their values are read before picocli runs
 * ({@code InertiaCli} pre-scans the arguments, as the original does), because the command tree and the
 * console depend on them; here they are declared so that picocli accepts them anywhere and documents them.
 */
public final class GlobalOptions {
  @Option(
      names = "--config",
      paramLabel = "<path>",
      defaultValue = "inertia.toml",
      scope = ScopeType.INHERIT,
      description = "path to the project configuration file (default: ${DEFAULT-VALUE})")
  String config;

  @Option(
      names = "--simple",
      scope = ScopeType.INHERIT,
      description = "disable colour and emoji in output (also when NO_COLOR is set)")
  boolean simple;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "print DEBUG: lines for requests, responses and remote commands, and stack traces")
  boolean debug;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      scope = ScopeType.INHERIT,
      description = "show help for this command")
  boolean help;
}
