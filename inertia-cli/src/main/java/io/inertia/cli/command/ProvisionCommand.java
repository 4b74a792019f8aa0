package io.inertia.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inertia provision …}: creates a new host and sets it up; EC2 is the one provider, as in the original. */
@Command(
    name = "provision",
    description = "Provision a new remote host to deploy your project on",
    subcommands = ProvisionEc2Command.class)
public final class ProvisionCommand extends BaseCommand {
  @Option(names = {"-d", "--daemon.port"}, defaultValue = "4303", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "daemon port (default: ${DEFAULT-VALUE})")
  String daemonPort;

  @Option(names = {"-p", "--ports"}, scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "ports your project uses")
  String[] ports;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(console().out());
    return 0;
  }
}
