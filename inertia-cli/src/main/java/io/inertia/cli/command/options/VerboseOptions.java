package io.inertia.cli.command.options;

import picocli.CommandLine.Option;

/** {@code -v, --verbose} of the {@code ls} commands. */
public final class VerboseOptions {
  @Option(names = {"-v", "--verbose"}, description = "enable verbose output")
  public boolean verbose;
}
