package io.inertia.cli.provision;

import io.inertia.cli.CliException;
import io.inertia.cli.command.Ec2Provisioner;
import java.net.URI;
import java.nio.file.Files;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;

/** The one place that builds the SDK's EC2 client: region, credentials, endpoint, HTTP client. */
final class Ec2Clients {
  private Ec2Clients() {}

  static Ec2Client create(Ec2Provisioner.Request request) {
    Ec2ClientBuilder b =
        Ec2Client.builder()
            .region(Region.of(request.region()))
            .credentialsProvider(credentials(request.credentials()))
            .httpClientBuilder(UrlConnectionHttpClient.builder());
    if (!request.endpoint().isEmpty()) {
      b.endpointOverride(URI.create(request.endpoint()));
    }
    return b.build();
  }

  static AwsCredentialsProvider credentials(Ec2Provisioner.Credentials c) {
    if (c.source() == Ec2Provisioner.CredentialSource.PROFILE) {
      if (!Files.isRegularFile(c.profileFile())) {
        throw new CliException("AWS credentials file " + c.profileFile() + " does not exist",
            "perhaps you should pass --profile.path, or use --from-env");
      }
      ProfileFile file =
          ProfileFile.builder().content(c.profileFile()).type(ProfileFile.Type.CREDENTIALS).build();
      if (file.profile(c.profileName()).isEmpty()) {
        throw new CliException("profile '" + c.profileName() + "' is not in " + c.profileFile(),
            "perhaps you should pass --profile.user with one of: " + String.join(", ", file.profiles().keySet()));
      }
      return ProfileCredentialsProvider.builder().profileFile(file).profileName(c.profileName()).build();
    }
    return StaticCredentialsProvider.create(
        c.sessionToken().isEmpty()
            ? AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())
            : AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
  }
}
