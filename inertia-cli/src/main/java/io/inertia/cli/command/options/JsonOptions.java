package io.inertia.cli.command.options;

import picocli.CommandLine.Option;

/** {@code --json}: machine-readable output instead of the human one. */
public final class JsonOptions {
  @Option(names = "--json", description = "print the result as JSON")
  public boolean json;
}
