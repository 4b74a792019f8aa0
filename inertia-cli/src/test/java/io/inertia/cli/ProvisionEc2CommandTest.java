package io.inertia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.testenv.Ec2TestEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code provision ec2} through the real AWS SDK against an EC2-compatible endpoint on 127.0.0.1: the
 * credentials reach the signature, and every failure removes what was created (or names what is left).
 * The run through to a deployed app is {@code io.inertia.e2e.ProvisionEc2IT}.
 */
class ProvisionEc2CommandTest {
  static final String KEY_ID = "AKIDPROVISIONTEST";

  @TempDir Path tmp;
  CliRunner cli;
  Ec2TestEndpoint ec2;
  final List<String> launched = new CopyOnWriteArrayList<>();
  volatile boolean machinesBoot = true;

  @BeforeEach
  void start() throws Exception {
    ec2 = Ec2TestEndpoint.start(KEY_ID, new Ec2TestEndpoint.Machines() {
      @Override
      public String launch(String instanceId, String publicKey) {
        launched.add(instanceId);
        if (!machinesBoot) {
          throw new IllegalStateException("no capacity");
        }
        return "127.0.0.1";
      }

      @Override
      public void terminate(String instanceId) {}
    }, tmp);
    ec2.addImage("ami-0debian11", "debian-11-amd64-20240101", "2024-01-01T00:00:00.000Z");
    ec2.addImage("ami-0debian12", "debian-12-amd64-20261101", "2026-11-01T00:00:00.000Z");
    cli = new CliRunner(tmp);
    cli.env.put("INERTIA_EC2_ENDPOINT", ec2.url());
    cli.env.put("AWS_ACCESS_KEY_ID", KEY_ID);
    cli.env.put("AWS_SECRET_ACCESS_KEY", "secret");
    Files.writeString(cli.projectDir.resolve("inertia.toml"), """
        version = "%s"
        name = "demo"
        url = "https://github.com/me/demo.git"
        """.formatted(io.inertia.common.Version.current()));
    cli.run("init", "--global");
  }

  @AfterEach
  void stop() {
    ec2.close();
  }

  private void assertNothingLeft(CliRunner.Result r) throws Exception {
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("everything created was removed"), r.toString());
    assertEquals(Set.of(), ec2.keyPairNames());
    assertEquals(Set.of(), ec2.securityGroupIds());
    assertEquals(Set.of(), ec2.liveInstances());
    Path ssh = Path.of(cli.env.get("HOME"), ".ssh");
    if (Files.isDirectory(ssh)) {
      try (var files = Files.list(ssh)) {
        assertEquals(0, files.count(), "no key file left");
      }
    }
    assertFalse(Files.readString(cli.remotesFile()).contains("box"), "no remote saved");
  }

  @Test
  void refusedRunInstancesRemovesKeyPairKeyFileAndGroup() throws Exception {
    ec2.failOn("RunInstances", "InsufficientInstanceCapacity", "We currently do not have sufficient capacity");
    CliRunner.Result r = cli.run("provision", "ec2", "box", "--from-env", "--region", "us-test-1", "-p", "8000");
    assertTrue(r.err().contains("EC2 refused: InsufficientInstanceCapacity"), r.toString());
    assertTrue(r.out().contains("Using image ami-0debian12"), "the newest Debian 12 image: " + r);
    Map<String, String> group = ec2.calls("AuthorizeSecurityGroupIngress").get(0);
    assertEquals(List.of(22, 4303, 8000), Ec2TestEndpoint.openedPorts(group));
    assertEquals(1, ec2.calls("DeleteSecurityGroup").size());
    assertEquals(1, ec2.calls("DeleteKeyPair").size());
    assertNothingLeft(r);
  }

  @Test
  void instanceThatNeverRunsIsTerminatedBeforeItsGroupIsDeleted() throws Exception {
    machinesBoot = false;
    CliRunner.Result r = cli.run("provision", "ec2", "box", "--from-env", "--region", "us-test-1",
        "--image", "ami-given", "-t", "t3.small");
    assertTrue(r.err().contains("is terminated"), r.toString());
    assertEquals("ami-given", ec2.calls("RunInstances").get(0).get("ImageId"));
    assertEquals("t3.small", ec2.calls("RunInstances").get(0).get("InstanceType"));
    assertEquals(List.of(), ec2.calls("DescribeImages"), "an image given is not looked up");
    assertEquals(1, launched.size());
    assertEquals(1, ec2.calls("TerminateInstances").size());
    assertNothingLeft(r);
  }

  @Test
  void profileCredentialsSignTheRequests() throws Exception {
    Path credentials = tmp.resolve("aws-credentials");
    Files.writeString(credentials, """
        [default]
        aws_access_key_id = AKIDWRONG
        aws_secret_access_key = x

        [deployer]
        aws_access_key_id = %s
        aws_secret_access_key = y
        """.formatted(KEY_ID));
    cli.env.remove("AWS_ACCESS_KEY_ID");
    ec2.failOn("CreateSecurityGroup", "UnauthorizedOperation", "You are not authorized to perform this operation.");
    CliRunner.Result r = cli.run("provision", "ec2", "box", "--from-profile", "--profile.path", credentials.toString(),
        "--profile.user", "deployer", "--region", "us-test-1");
    assertTrue(r.err().contains("UnauthorizedOperation"), "signed with the profile's key: " + r);
    assertNothingLeft(r);

    r = cli.run("provision", "ec2", "box", "--from-profile", "--profile.path", credentials.toString(),
        "--region", "us-test-1");
    assertTrue(r.err().contains("HTTP 401: the credentials were not accepted")
        || r.err().contains("AuthFailure"), "the default profile's key is refused: " + r);
    r = cli.run("provision", "ec2", "box", "--from-profile", "--profile.path", credentials.toString(),
        "--profile.user", "nobody", "--region", "us-test-1");
    assertTrue(r.err().contains("profile 'nobody' is not in"), r.toString());
  }

  @Test
  void usageErrorsComeBeforeAnyAwsCall() {
    assertEquals(2, cli.run("provision", "ec2", "box", "--from-env", "--from-profile").code());
    assertEquals(2, cli.run("provision", "ec2", "box", "--from-env", "-p", "80000").code());
    cli.env.remove("AWS_SECRET_ACCESS_KEY");
    CliRunner.Result r = cli.run("provision", "ec2", "box", "--from-env", "--region", "us-test-1");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("AWS_SECRET_ACCESS_KEY"), r.toString());
    assertEquals(List.of(), ec2.calls());
  }
}
