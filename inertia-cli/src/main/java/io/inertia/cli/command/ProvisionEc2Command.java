package io.inertia.cli.command;

import io.inertia.cli.CliException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inertia provision ec2 <name>}: the flags of the original, and a clear refusal. */
@Command(name = "ec2", description = "[BETA] Provision a new Amazon EC2 instance (not supported in this build)")
public final class ProvisionEc2Command extends BaseCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "name of the new remote") String name;

  @Option(names = {"-t", "--type"}, defaultValue = "t2.micro") String type;

  @Option(names = {"-u", "--user"}, defaultValue = "ec2-user") String user;

  @Option(names = "--from-env") boolean fromEnv;

  @Option(names = "--from-profile") boolean fromProfile;

  @Option(names = "--profile.path", defaultValue = "~/.aws/credentials") String profilePath;

  @Option(names = "--profile.user", defaultValue = "default") String profileUser;

  @Override
  public Integer call() {
    throw new CliException(
        "provisioning EC2 instances is not supported by this build of inertia",
        "perhaps you should create the VM yourself, then run 'inertia remote add " + name
            + " --ip <address>' and 'inertia " + name + " init'");
  }
}
