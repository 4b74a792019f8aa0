package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.common.Version;
import io.inertia.common.config.DaemonConfig;
import io.inertia.common.config.ProjectConfig;
import io.inertia.common.config.RemoteConfig;
import io.inertia.common.config.SshConfig;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inertia provision ec2 <name>}: creates an EC2 instance (key pair, security group, instance),
 * adds it as a remote and runs {@code init} on it, as the original does. The AWS work is done by an
 * {@link Ec2Provisioner} loaded only here.
 */
@Command(
    name = "ec2",
    description = "[BETA] Provision a new Amazon EC2 instance and set it up for continuous deployment",
    footer = {
      "",
      "Pass the ports your project uses with -p, so they are opened to the internet, e.g.",
      "  inertia provision ec2 my_ec2_instance --from-env --region us-west-2 -p 8000",
      "The IAM permissions needed are listed in docs/provision.md."
    })
public final class ProvisionEc2Command extends BaseCommand {
  /** An EC2 endpoint to use instead of AWS's (an EC2-compatible cloud, or a test endpoint). */
  public static final String ENDPOINT_ENV = "INERTIA_EC2_ENDPOINT";

  @Parameters(index = "0", paramLabel = "NAME", description = "name of the new remote") String name;

  @Option(names = {"-t", "--type"}, defaultValue = "t2.micro", description = "ec2 instance type to instantiate (default: ${DEFAULT-VALUE})")
  String type;

  @Option(names = {"-u", "--user"}, defaultValue = "admin",
      description = "ec2 instance user to execute commands as (default: ${DEFAULT-VALUE}, the user of Debian's images)")
  String user;

  @Option(names = "--region", defaultValue = "", description = "AWS region, e.g. us-west-2 (asked when absent)")
  String region;

  @Option(names = "--image", defaultValue = "", description = "AMI id (default: the newest official Debian 12 image of the region)")
  String image;

  @Option(names = "--from-env", description = "load ec2 credentials from the environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
  boolean fromEnv;

  @Option(names = "--from-profile", description = "load ec2 credentials from a profile")
  boolean fromProfile;

  @Option(names = "--profile.path", defaultValue = "~/.aws/credentials", description = "path to aws profile credentials file (default: ${DEFAULT-VALUE})")
  String profilePath;

  @Option(names = "--profile.user", defaultValue = "default", description = "user profile for aws credentials file (default: ${DEFAULT-VALUE})")
  String profileUser;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ProvisionCommand parent = (ProvisionCommand) spec.parent().userObject();
    if (fromEnv && fromProfile) {
      throw new ParameterException(spec.commandLine(), "--from-env and --from-profile cannot be used together");
    }
    int daemonPort = port(parent.daemonPort, "--daemon.port");
    List<Integer> ports = new ArrayList<>();
    for (String p : parent.ports == null ? new String[0] : parent.ports) {
      for (String one : p.split(",")) {
        if (!one.isBlank()) {
          ports.add(port(one.strip(), "--ports"));
        }
      }
    }
    if (!config().projectFileExists()) {
      throw new CliException("no project found in current directory - try 'inertia init'");
    }
    ProjectConfig project = project();
    RemoteNames.checkNew(config().remotes(), name);
    if (ports.isEmpty()) {
      console().warn(console().red(":warning: No project ports provided - this means that no ports will be exposed"
          + " on your ec2 host. Use the '--ports' flag to set ports that you want to be accessible."));
    }
    Ec2Provisioner.Credentials credentials = credentials();
    String chosenRegion = region;
    if (chosenRegion.isEmpty()) {
      console().println("See https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-regions-availability-zones.html"
          + "#concepts-available-regions for a list of available regions.");
      chosenRegion = console().prompt("Please enter a region:");
      if (chosenRegion.isEmpty()) {
        throw new CliException("no region given", "perhaps you should pass --region, e.g. --region us-west-2");
      }
    }
    Ec2Provisioner.Request request =
        new Ec2Provisioner.Request(
            name, project.name(), chosenRegion, type, image, user, daemonPort, ports, credentials,
            ctx.env().getOrDefault(ENDPOINT_ENV, ""), home().resolve(".ssh"));
    Ec2Provisioner.Instance instance = Ec2Provisioners.load().provision(request, console());
    console().println(console().cyan("Instance provisioned for remote '" + name + "'!"));

    RemoteConfig remote =
        new RemoteConfig(
            Version.current(), name, instance.address(),
            new SshConfig(user, instance.identityFile().toString(), SshConfig.DEFAULT_PORT),
            new DaemonConfig(String.valueOf(daemonPort), "", "", RemoteAddCommand.webhookSecret(), false, ""),
            Map.of());
    config().saveRemotes(config().remotes().withRemote(remote));
    console().println(":boat: Remote '" + name + "' has been added!");

    console().println(console().cyan("Initializing Inertia daemon at " + instance.address() + "..."));
    RemoteConfig initialized;
    try {
      initialized = ctx.remoteOperations("inertia provision ec2").init(remote, project, console());
    } catch (CliException e) {
      throw new CliException(
          e.getMessage(),
          (e.hint() == null ? "" : e.hint() + "\n")
              + "The instance is running and remote '" + name + "' is saved: retry with 'inertia " + name + " init'."
              + " Created in AWS: " + String.join(", ", instance.leftOnFailure()),
          e);
    }
    console().println(console().cyan("Saving remote..."));
    config().saveRemotes(config().remotes().withRemote(initialized));
    return 0;
  }

  private Ec2Provisioner.Credentials credentials() {
    if (fromEnv) {
      Map<String, String> env = ctx.env();
      String id = first(env, "AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY");
      String secret = first(env, "AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY");
      if (id.isEmpty() || secret.isEmpty()) {
        throw new CliException("--from-env needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment",
            "perhaps you should export them, or use --from-profile");
      }
      return Ec2Provisioner.Credentials.ofKeys(id, secret, env.getOrDefault("AWS_SESSION_TOKEN", ""));
    }
    if (fromProfile) {
      Path file = profilePath.startsWith("~") ? Paths.get(home() + profilePath.substring(1)) : Paths.get(profilePath);
      return Ec2Provisioner.Credentials.ofProfile(file, profileUser);
    }
    console().println("""
        To get your credentials:
          1. Open the IAM console (https://console.aws.amazon.com/iam/home?#home).
          2. In the navigation pane of the console, choose Users. You may have to create a user.
          3. Choose your IAM user name (not the check box).
          4. Choose the Security credentials tab and then choose Create access key.
          5. To see the new access key, choose Show.""");
    String id = console().prompt("Key ID:      ");
    String secret = console().prompt("Access Key:  ");
    if (id.isEmpty() || secret.isEmpty()) {
      throw new CliException("no credentials given", "perhaps you should use --from-env or --from-profile");
    }
    return Ec2Provisioner.Credentials.ofKeys(id, secret, "");
  }

  private Path home() {
    return Paths.get(ctx.env().getOrDefault("HOME", System.getProperty("user.home", "")));
  }

  private int port(String value, String option) {
    try {
      int p = Integer.parseInt(value);
      if (p >= 1 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ParameterException(spec.commandLine(), "invalid port '" + value + "' for " + option + " (1-65535)");
  }

  private static String first(Map<String, String> env, String... names) {
    for (String n : names) {
      String v = env.getOrDefault(n, "");
      if (!v.isEmpty()) {
        return v;
      }
    }
    return "";
  }
}
