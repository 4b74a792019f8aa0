package io.inertia.cli.provision;

import io.inertia.cli.CliException;
import io.inertia.cli.command.Ec2Provisioner;
import io.inertia.cli.output.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;

/**
 * {@link Ec2Provisioner} over the AWS SDK, found by {@link java.util.ServiceLoader}. The steps of the
 * original (key pair, security group and its rules, instance, wait until running, wait for SSH), each
 * recorded in {@link CreatedResources} so a failure removes what was made.
 */
public final class SdkEc2Provisioner implements Ec2Provisioner {
  /** EC2's state code of a running instance. */
  static final int RUNNING = 16;
  /** EC2's state code of a terminated instance. */
  static final int TERMINATED = 48;

  private static final String ENDPOINT_HINT = "INERTIA_EC2_ENDPOINT, when set";

  private final Duration interval;
  private final Duration instanceTimeout;
  private final Duration sshTimeout;

  /** For the ServiceLoader: polls every 3 s, as the original; 10 min for the instance, 5 for SSH. */
  public SdkEc2Provisioner() {
    this(Duration.ofSeconds(3), Duration.ofMinutes(10), Duration.ofMinutes(5));
  }

  SdkEc2Provisioner(Duration interval, Duration instanceTimeout, Duration sshTimeout) {
    this.interval = interval;
    this.instanceTimeout = instanceTimeout;
    this.sshTimeout = sshTimeout;
  }

  @Override
  public Ec2Provisioner.Instance provision(Request request, Console console) {
    console.println("Using AWS credentials: " + request.credentials());
    CreatedResources created = new CreatedResources();
    try (Ec2Client ec2 = Ec2Clients.create(request)) {
      try {
        return provision(ec2, request, console, created);
      } catch (SdkException | IOException | StepException e) {
        List<String> left = created.removeAll(console);
        throw new CliException(
            message(e) + (left.isEmpty() ? "; everything created was removed" : "; left in AWS: " + String.join(", ", left)),
            !left.isEmpty()
                ? "please remove what is left in the EC2 console"
                : e instanceof SdkClientException
                    ? "perhaps you should check the network connection and the region (or " + ENDPOINT_HINT + ")"
                    : "perhaps you should check the region, the permissions (docs/provision.md) and your quotas",
            e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        List<String> left = created.removeAll(console);
        throw new CliException("interrupted" + (left.isEmpty() ? "" : "; left in AWS: " + String.join(", ", left)));
      }
    } catch (SdkException e) {
      throw new CliException("could not set up the EC2 client: " + message(e),
          "perhaps you should check the region and the credentials", e);
    }
  }

  private Ec2Provisioner.Instance provision(Ec2Client ec2, Request r, Console console, CreatedResources created)
      throws IOException, InterruptedException, StepException {
    String imageId = r.imageId();
    if (imageId.isEmpty()) {
      console.println("Loading Debian 12 images for region '" + r.region() + "'...");
      Image image =
          NewestImage.of(ec2.describeImages(Ec2Requests.debianImages()).images())
              .orElseThrow(() -> new StepException("no Debian 12 image found in region " + r.region()
                  + " (pass an AMI id with --image)"));
      imageId = image.imageId();
      console.println("Using image " + imageId + " (" + image.name() + ")");
    }

    long stamp = System.nanoTime();
    String keyName = r.name() + "_" + r.sshUser() + "_inertia_key_" + stamp;
    console.println(":key: Generating key pair '" + keyName + "'...");
    CreateKeyPairResponse key = ec2.createKeyPair(Ec2Requests.createKeyPair(keyName, r.name()));
    created.add("key pair " + keyName, () -> ec2.deleteKeyPair(Ec2Requests.deleteKeyPair(keyName)));

    Path keyPath = r.keyDirectory().resolve(keyName);
    console.println(":inbox_tray: Saving key to '" + keyPath + "'...");
    savePrivateKey(keyPath, key.keyMaterial());
    created.add("key file " + keyPath, () -> Files.deleteIfExists(keyPath));

    String groupName = r.name() + "-" + stamp;
    console.println(":circus_tent: Creating security group '" + groupName + "'...");
    String groupId =
        ec2.createSecurityGroup(Ec2Requests.createSecurityGroup(groupName, r.projectName(), r.name())).groupId();
    created.add("security group " + groupId + " (" + groupName + ")",
        () -> ec2.deleteSecurityGroup(Ec2Requests.deleteSecurityGroup(groupId)));
    console.println(":electric_plug: Exposing ports 22, " + r.daemonPort()
        + (r.ports().isEmpty() ? "" : ", " + String.join(", ", r.ports().stream().map(String::valueOf).toList()))
        + "...");
    ec2.authorizeSecurityGroupIngress(Ec2Requests.openPorts(groupId, r.daemonPort(), r.ports()));

    console.println(":boat: Requesting " + r.instanceType() + " instance from " + imageId + "...");
    RunInstancesResponse run =
        ec2.runInstances(Ec2Requests.runInstance(imageId, r.instanceType(), keyName, groupId, r.name()));
    if (run.instances().isEmpty()) {
      throw new StepException("EC2 started no instance (reservation " + run.reservationId() + ")");
    }
    String instanceId = run.instances().get(0).instanceId();
    created.add("instance " + instanceId, () -> terminate(ec2, instanceId));
    console.println("A " + r.instanceType() + " instance has been provisioned: " + instanceId);

    software.amazon.awssdk.services.ec2.model.Instance instance = awaitRunning(ec2, instanceId, console);
    String address = instance.publicIpAddress() != null && !instance.publicIpAddress().isEmpty()
        ? instance.publicIpAddress() : instance.publicDnsName();
    if (address == null || address.isEmpty()) {
      throw new StepException("instance " + instanceId + " has no public address"
          + " (the default subnet does not assign public IPs)");
    }
    console.println("Waiting for SSH on " + address + ":" + Ec2Requests.SSH_PORT + "...");
    long deadline = System.nanoTime() + sshTimeout.toNanos();
    while (!SshPorts.answers(address, Ec2Requests.SSH_PORT, 5_000)) {
      if (System.nanoTime() > deadline) {
        throw new StepException("SSH on " + address + " did not answer within " + sshTimeout.toMinutes() + " min");
      }
      console.println("Checking ports...");
      Thread.sleep(interval.toMillis());
    }
    console.println("Connection established!");
    return new Ec2Provisioner.Instance(instanceId, address, keyPath, created.descriptions());
  }

  private software.amazon.awssdk.services.ec2.model.Instance awaitRunning(Ec2Client ec2, String instanceId, Console console)
      throws InterruptedException, StepException {
    long deadline = System.nanoTime() + instanceTimeout.toNanos();
    while (true) {
      console.println("Checking status of the requested instance...");
      try {
        List<software.amazon.awssdk.services.ec2.model.Instance> found =
            ec2.describeInstances(Ec2Requests.describeInstance(instanceId)).reservations().stream()
                .flatMap(res -> res.instances().stream())
                .toList();
        if (found.isEmpty()) {
          console.println("No reservations found yet.");
        } else {
          software.amazon.awssdk.services.ec2.model.Instance i = found.get(0);
          int code = i.state() == null || i.state().code() == null ? -1 : i.state().code() & 0xff;
          if (code == RUNNING) {
            console.println("Instance is running!");
            return i;
          }
          String name = i.state() == null ? "unknown" : i.state().nameAsString();
          if (code == TERMINATED || "shutting-down".equals(name)) {
            throw new StepException("instance " + instanceId + " is " + name
                + (i.stateReason() == null ? "" : ": " + i.stateReason().message()));
          }
          console.println("Instance status: " + name);
        }
      } catch (Ec2Exception e) {
        // Right after RunInstances the instance may not be visible yet (eventual consistency).
        if (!"InvalidInstanceID.NotFound".equals(code(e))) {
          throw e;
        }
        console.println("No reservations found yet.");
      }
      if (System.nanoTime() > deadline) {
        throw new StepException("instance " + instanceId + " was not running within "
            + instanceTimeout.toMinutes() + " min");
      }
      Thread.sleep(interval.toMillis());
    }
  }

  /** Terminates and waits (bounded) until terminated, so its security group can then be deleted. */
  private void terminate(Ec2Client ec2, String instanceId) throws InterruptedException, StepException {
    ec2.terminateInstances(Ec2Requests.terminate(instanceId));
    long deadline = System.nanoTime() + instanceTimeout.toNanos();
    while (System.nanoTime() < deadline) {
      boolean gone =
          ec2.describeInstances(Ec2Requests.describeInstance(instanceId)).reservations().stream()
              .flatMap(res -> res.instances().stream())
              .allMatch(i -> i.state() != null && i.state().code() != null && (i.state().code() & 0xff) == TERMINATED);
      if (gone) {
        return;
      }
      Thread.sleep(interval.toMillis());
    }
    throw new StepException("still not terminated after " + instanceTimeout.toMinutes() + " min");
  }

  /** Writes the private key with mode 0600 from the start (never readable by others, not even briefly). */
  static void savePrivateKey(Path path, String material) throws IOException {
    Path dir = path.getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    Files.write(
        Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
        (material.endsWith("\n") ? material : material + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  private static String code(Ec2Exception e) {
    return e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
  }

  private static String message(Exception e) {
    if (e instanceof Ec2Exception ec2 && ec2.awsErrorDetails() != null) {
      String code = ec2.awsErrorDetails().errorCode();
      // With some HTTP clients an HTTP 401 (AuthFailure) reaches the SDK without its body.
      return code == null
          ? "EC2 refused the request (HTTP " + ec2.statusCode() + (ec2.statusCode() == 401 ? ": the credentials were not accepted" : "") + ")"
          : "EC2 refused: " + code + ": " + ec2.awsErrorDetails().errorMessage();
    }
    return e.getMessage();
  }

  /** A step that cannot go on, with a sentence for the user. */
  static final class StepException extends Exception {
    private static final long serialVersionUID = 1L;

    StepException(String message) {
      super(message);
    }
  }
}
