package io.inertia.cli.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.KeyFormat;
import software.amazon.awssdk.services.ec2.model.KeyType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** The parameters of every request {@code provision ec2} makes, read back from the SDK's model objects. */
class Ec2RequestsTest {
  @Test
  void keyPairIsEd25519InOpenSshFormatAndTagged() {
    CreateKeyPairRequest r = Ec2Requests.createKeyPair("box_admin_inertia_key_1", "box");
    assertEquals("box_admin_inertia_key_1", r.keyName());
    assertEquals(KeyType.ED25519, r.keyType());
    assertEquals(KeyFormat.PEM, r.keyFormat());
    assertTagged(r.tagSpecifications(), ResourceType.KEY_PAIR, "box");
  }

  @Test
  void securityGroupIsDescribedAsTheOriginalDoes() {
    CreateSecurityGroupRequest r = Ec2Requests.createSecurityGroup("box-1", "demo", "box");
    assertEquals("box-1", r.groupName());
    assertEquals("Rules for project demo on box", r.description());
    assertEquals(null, r.vpcId(), "the default VPC");
    assertTagged(r.tagSpecifications(), ResourceType.SECURITY_GROUP, "box");
  }

  @Test
  void rulesOpenSshDaemonAndProjectPortsOverTcpToEveryoneOnce() {
    AuthorizeSecurityGroupIngressRequest r = Ec2Requests.openPorts("sg-1", 4303, List.of(8000, 22, 4303, 443));
    assertEquals("sg-1", r.groupId());
    assertEquals(List.of(22, 4303, 8000, 443), r.ipPermissions().stream().map(IpPermission::fromPort).toList());
    for (IpPermission p : r.ipPermissions()) {
      assertEquals(p.fromPort(), p.toPort());
      assertEquals("tcp", p.ipProtocol());
      assertEquals("0.0.0.0/0", p.ipRanges().get(0).cidrIp());
      assertEquals("::/0", p.ipv6Ranges().get(0).cidrIpv6());
    }
    assertEquals("Inertia SSH port", r.ipPermissions().get(0).ipRanges().get(0).description());
    assertEquals("Inertia daemon port", r.ipPermissions().get(1).ipRanges().get(0).description());
  }

  @Test
  void imagesAreOfficialDebian12ForX86HvmEbs() {
    DescribeImagesRequest r = Ec2Requests.debianImages();
    assertEquals(List.of("136693071363"), r.owners());
    Map<String, List<String>> filters = r.filters().stream().collect(Collectors.toMap(Filter::name, Filter::values));
    assertEquals(List.of("debian-12-amd64-*"), filters.get("name"));
    assertEquals(List.of("x86_64"), filters.get("architecture"));
    assertEquals(List.of("hvm"), filters.get("virtualization-type"));
    assertEquals(List.of("ebs"), filters.get("root-device-type"));
    assertEquals(List.of("available"), filters.get("state"));
  }

  @Test
  void newestImageWins() {
    Image old = Image.builder().imageId("ami-old").creationDate("2025-01-02T00:00:00.000Z").build();
    Image current = Image.builder().imageId("ami-new").creationDate("2026-11-01T00:00:00.000Z").build();
    Image unnamed = Image.builder().creationDate("2027-01-01T00:00:00.000Z").build();
    assertEquals("ami-new", NewestImage.of(List.of(old, current, unnamed)).orElseThrow().imageId());
    assertTrue(NewestImage.of(List.of()).isEmpty());
  }

  @Test
  void oneInstanceWithKeyGroupAndTags() {
    RunInstancesRequest r = Ec2Requests.runInstance("ami-1", "t2.micro", "key", "sg-1", "box");
    assertEquals("ami-1", r.imageId());
    assertEquals("t2.micro", r.instanceTypeAsString());
    assertEquals(1, r.minCount());
    assertEquals(1, r.maxCount());
    assertEquals("key", r.keyName());
    assertEquals(List.of("sg-1"), r.securityGroupIds());
    assertTagged(r.tagSpecifications(), ResourceType.INSTANCE, "box");
    assertEquals(List.of("i-1"), Ec2Requests.terminate("i-1").instanceIds());
    assertEquals(List.of("i-1"), Ec2Requests.describeInstance("i-1").instanceIds());
    assertEquals("sg-1", Ec2Requests.deleteSecurityGroup("sg-1").groupId());
    assertEquals("key", Ec2Requests.deleteKeyPair("key").keyName());
  }

  @Test
  void privateKeyIsSavedWithMode0600(@TempDir Path tmp) throws Exception {
    Path key = tmp.resolve("ssh/k");
    SdkEc2Provisioner.savePrivateKey(key, "material");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())));
    assertEquals("material\n", Files.readString(key));
  }

  private static void assertTagged(List<TagSpecification> specs, ResourceType type, String name) {
    assertEquals(1, specs.size());
    assertEquals(type, specs.get(0).resourceType());
    assertEquals(Map.of("Name", name, "Purpose", "Inertia Continuous Deployment"),
        specs.get(0).tags().stream().collect(Collectors.toMap(Tag::key, Tag::value)));
  }
}
