package io.inertia.cli.provision;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.DeleteKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.KeyFormat;
import software.amazon.awssdk.services.ec2.model.KeyType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;

/**
 * Every EC2 request {@code provision ec2} makes, as SDK model objects: what is created, with which
 * names, tags and rules. Pure functions (no I/O), so the parameters are checked against the SDK's own
 * model classes in unit tests.
 */
final class Ec2Requests {
  /** The AWS account that publishes the official Debian images. */
  static final String DEBIAN_OWNER = "136693071363";
  /** Name pattern of Debian 12 (bookworm) x86-64 images. */
  static final String DEBIAN_12_NAMES = "debian-12-amd64-*";
  /** The {@code Purpose} tag of everything created, as the original tags its instance. */
  static final String PURPOSE = "Inertia Continuous Deployment";
  static final int SSH_PORT = 22;

  private Ec2Requests() {}

  /** An ed25519 key pair (OpenSSH private key), tagged. */
  static CreateKeyPairRequest createKeyPair(String keyName, String remoteName) {
    return CreateKeyPairRequest.builder()
        .keyName(keyName)
        .keyType(KeyType.ED25519)
        .keyFormat(KeyFormat.PEM)
        .tagSpecifications(tags(ResourceType.KEY_PAIR, remoteName))
        .build();
  }

  /** A security group in the default VPC, described as the original does. */
  static CreateSecurityGroupRequest createSecurityGroup(String groupName, String projectName, String remoteName) {
    return CreateSecurityGroupRequest.builder()
        .groupName(groupName)
        .description("Rules for project " + projectName + " on " + remoteName)
        .tagSpecifications(tags(ResourceType.SECURITY_GROUP, remoteName))
        .build();
  }

  /** TCP from anywhere (IPv4 and IPv6) to SSH, the daemon port and each project port. */
  static AuthorizeSecurityGroupIngressRequest openPorts(String groupId, int daemonPort, List<Integer> projectPorts) {
    List<IpPermission> rules = new ArrayList<>();
    rules.add(tcp(SSH_PORT, "Inertia SSH port"));
    rules.add(tcp(daemonPort, "Inertia daemon port"));
    for (int p : projectPorts) {
      if (p != SSH_PORT && p != daemonPort) {
        rules.add(tcp(p, "Project port"));
      }
    }
    return AuthorizeSecurityGroupIngressRequest.builder().groupId(groupId).ipPermissions(rules).build();
  }

  /** The official Debian 12 images for x86-64 machines with EBS root devices (HVM). */
  static DescribeImagesRequest debianImages() {
    return DescribeImagesRequest.builder()
        .owners(DEBIAN_OWNER)
        .filters(
            filter("name", DEBIAN_12_NAMES),
            filter("architecture", "x86_64"),
            filter("image-type", "machine"),
            filter("root-device-type", "ebs"),
            filter("virtualization-type", "hvm"),
            filter("state", "available"))
        .build();
  }

  /** One instance of the image, with the key pair and security group, tagged Name and Purpose. */
  static RunInstancesRequest runInstance(
      String imageId, String instanceType, String keyName, String groupId, String remoteName) {
    return RunInstancesRequest.builder()
        .imageId(imageId)
        .instanceType(instanceType)
        .minCount(1)
        .maxCount(1)
        .keyName(keyName)
        .securityGroupIds(groupId)
        .tagSpecifications(tags(ResourceType.INSTANCE, remoteName))
        .build();
  }

  static DescribeInstancesRequest describeInstance(String instanceId) {
    return DescribeInstancesRequest.builder().instanceIds(instanceId).build();
  }

  static TerminateInstancesRequest terminate(String instanceId) {
    return TerminateInstancesRequest.builder().instanceIds(instanceId).build();
  }

  static DeleteSecurityGroupRequest deleteSecurityGroup(String groupId) {
    return DeleteSecurityGroupRequest.builder().groupId(groupId).build();
  }

  static DeleteKeyPairRequest deleteKeyPair(String keyName) {
    return DeleteKeyPairRequest.builder().keyName(keyName).build();
  }

  private static IpPermission tcp(int port, String description) {
    return IpPermission.builder()
        .ipProtocol("tcp")
        .fromPort(port)
        .toPort(port)
        .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").description(description).build())
        .ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").description(description).build())
        .build();
  }

  private static TagSpecification tags(ResourceType type, String remoteName) {
    return TagSpecification.builder()
        .resourceType(type)
        .tags(
            Tag.builder().key("Name").value(remoteName).build(),
            Tag.builder().key("Purpose").value(PURPOSE).build())
        .build();
  }

  private static Filter filter(String name, String value) {
    return Filter.builder().name(name).values(value).build();
  }
}
