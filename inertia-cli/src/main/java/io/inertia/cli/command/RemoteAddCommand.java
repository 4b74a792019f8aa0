package io.inertia.cli.command;

import io.inertia.common.Version;
import io.inertia.common.config.DaemonConfig;
import io.inertia.common.config.RemoteConfig;
import io.inertia.common.config.RemotesConfig;
import io.inertia.common.config.SshConfig;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inertia remote add <remote>} (docs/original.md#command-remote). */
@Command(
    name = "add",
    description = "Add a reference to a remote VPS instance",
    footerHeading = "%nExamples:%n",
    footer = {"  inertia remote add prod --ip 203.0.113.7 --ssh.user root --ssh.key ~/.ssh/id_ed25519",
        "  inertia remote add staging --ip 203.0.113.8      (asks for the rest)"})
public final class RemoteAddCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "name of the new remote (letters, digits, - and _)") String name;

  @Option(names = "--ip", paramLabel = "<ip>", defaultValue = "", description = "IP address of remote")
  String ip;

  @Option(names = "--daemon.port", paramLabel = "<port>", defaultValue = "4303", description = "remote daemon port (default: ${DEFAULT-VALUE})")
  String daemonPort;

  @Option(names = "--ssh.port", paramLabel = "<port>", defaultValue = "22", description = "remote SSH port (default: ${DEFAULT-VALUE})")
  String sshPort;

  @Option(names = "--ssh.key", paramLabel = "<path>", defaultValue = "", description = "path to SSH key for remote")
  String sshKey;

  @Option(names = "--ssh.user", paramLabel = "<user>", defaultValue = "", description = "user to use when accessing remote over SSH")
  String sshUser;

  @Option(
      names = "--daemon.gen-secret",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      arity = "0..1",
      description = "toggle webhook secret generation (default: ${DEFAULT-VALUE})")
  boolean genSecret;

  @Override
  public Integer call() {
    RemotesConfig remotes = config().remotes();
    RemoteNames.checkNew(remotes, name);
    String daemonPortChecked = RemoteValues.port("--daemon.port", daemonPort);
    String sshPortChecked = RemoteValues.port("--ssh.port", sshPort);
    if (!ip.isEmpty()) {
      RemoteValues.host("--ip", ip);
    }
    console().println("creating new remote '" + name + "'");
    String address = RemoteValues.host("the IP address",
        ip.isEmpty() ? console().prompt(":globe_with_meridians: Enter IP address of remote:") : ip);
    String key = sshKey;
    if (key.isEmpty()) {
      String fallback = defaultIdentity(ctx.env());
      key = console().prompt(":key: Enter path to identity file (leave blank to use '" + fallback + "'):");
      if (key.isEmpty()) {
        key = fallback;
      }
    }
    String user = sshUser.isEmpty() ? console().prompt(":dancer: Enter user for the identity file:") : sshUser;
    if (user.isBlank()) {
      throw new io.inertia.cli.UsageException("the SSH user is required", "pass it with --ssh.user, e.g. --ssh.user root");
    }
    String secret;
    if (genSecret) {
      console().println("generating a webhook secret...");
      secret = webhookSecret();
    } else {
      secret = console().prompt(":secret: Enter a webhook secret (leave blank to generate one):");
      if (secret.isEmpty()) {
        secret = webhookSecret();
      }
    }
    RemoteConfig remote =
        new RemoteConfig(
            Version.current(),
            name,
            address,
            new SshConfig(user, key, sshPortChecked),
            new DaemonConfig(daemonPortChecked, "", "", secret, false, ""),
            Map.of());
    config().saveRemotes(remotes.withRemote(remote));
    console().println(":boat: Remote '" + name + "' has been added!");
    console().println(
        "You can now run 'inertia " + name + " init' to set this remote up for continuous deployment.");
    return 0;
  }

  static String defaultIdentity(Map<String, String> env) {
    String home = env.getOrDefault("HOME", System.getProperty("user.home", ""));
    return Paths.get(home, ".ssh", "id_rsa").toString();
  }

  /** base64url (with padding) of 32 random bytes: 44 characters, as the original generates. */
  static String webhookSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().encodeToString(bytes);
  }
}
