package io.inertia.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inertia <remote> env set <name> <value> [-e]}. */
@Command(name = "set", description = "Set an environment variable on your remote")
public final class EnvSetCommand extends RemoteBaseCommand {
  @Parameters(index = "0", paramLabel = "name") String name;

  @Parameters(index = "1", paramLabel = "value") String value;

  @Option(names = {"-e", "--encrypt"}, description = "encrypt variable when stored")
  boolean encrypt;

  @Override
  protected Integer run() {
    client().envSet(name, value, encrypt);
    console().println("env value successfully updated");
    return 0;
  }
}
