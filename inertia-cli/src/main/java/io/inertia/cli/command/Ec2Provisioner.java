package io.inertia.cli.command;

import io.inertia.cli.output.Console;
import java.nio.file.Path;
import java.util.List;

/**
 * Creates an EC2 instance ready for {@code inertia <remote> init}: key pair, security group, instance,
 * SSH answering. Implemented over the AWS SDK in {@code io.inertia.cli.provision}, which is not on the
 * CLI's class path: {@link Ec2Provisioners} loads it for {@code provision ec2} alone, so no other
 * command loads or opens the SDK. Blocking; prints its progress through the console; on failure it
 * removes what it created and throws {@link io.inertia.cli.CliException} naming whatever is left.
 */
public interface Ec2Provisioner {

  /** Where the AWS credentials come from. */
  enum CredentialSource {
    /** {@code accessKeyId}/{@code secretAccessKey} (and {@code sessionToken}) given directly. */
    STATIC,
    /** A named profile of a shared credentials file. */
    PROFILE
  }

  /**
   * The credentials to sign with.
   *
   * @param source static keys or a profile
   * @param accessKeyId for {@link CredentialSource#STATIC}
   * @param secretAccessKey for {@link CredentialSource#STATIC}
   * @param sessionToken for {@link CredentialSource#STATIC}; empty for long-term keys
   * @param profileFile for {@link CredentialSource#PROFILE}: the credentials file
   * @param profileName for {@link CredentialSource#PROFILE}: the profile in it
   */
  record Credentials(
      CredentialSource source,
      String accessKeyId,
      String secretAccessKey,
      String sessionToken,
      Path profileFile,
      String profileName) {
    public static Credentials ofKeys(String accessKeyId, String secretAccessKey, String sessionToken) {
      return new Credentials(CredentialSource.STATIC, accessKeyId, secretAccessKey, sessionToken, null, "");
    }

    public static Credentials ofProfile(Path file, String name) {
      return new Credentials(CredentialSource.PROFILE, "", "", "", file, name);
    }

    @Override
    public String toString() {
      return source == CredentialSource.PROFILE
          ? "profile '" + profileName + "' of " + profileFile
          : "access key " + accessKeyId;
    }
  }

  /**
   * What to create.
   *
   * @param name the remote's name (key pair, security group and instance names derive from it)
   * @param projectName the project, for the security group's description
   * @param region e.g. {@code us-west-2}
   * @param instanceType e.g. {@code t2.micro}
   * @param imageId an AMI id, or empty for the newest official Debian 12 image of the region
   * @param sshUser the image's login user
   * @param daemonPort the daemon's port, opened in the security group
   * @param ports the project's ports, opened in the security group
   * @param credentials how to sign
   * @param endpoint an EC2 endpoint URL to use instead of AWS's (an EC2-compatible cloud, tests); empty
   *     for AWS
   * @param keyDirectory where the private key is saved (mode 0600), normally {@code ~/.ssh}
   */
  record Request(
      String name,
      String projectName,
      String region,
      String instanceType,
      String imageId,
      String sshUser,
      int daemonPort,
      List<Integer> ports,
      Credentials credentials,
      String endpoint,
      Path keyDirectory) {
    public Request {
      ports = List.copyOf(ports);
    }
  }

  /**
   * A running instance whose SSH port answers.
   *
   * @param instanceId e.g. {@code i-0123…}
   * @param address its public IP address (else its public DNS name)
   * @param identityFile the saved private key
   * @param leftOnFailure what exists in the account for this instance, for the message when a later step
   *     (the bootstrap) fails
   */
  record Instance(String instanceId, String address, Path identityFile, List<String> leftOnFailure) {
    public Instance {
      leftOnFailure = List.copyOf(leftOnFailure);
    }
  }

  /** Creates the instance; see the type's contract. */
  Instance provision(Request request, Console console);
}
