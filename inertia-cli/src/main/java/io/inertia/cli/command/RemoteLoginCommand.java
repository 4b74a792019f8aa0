package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.cli.daemon.DaemonTrust;
import io.inertia.common.Version;
import io.inertia.common.config.DaemonConfig;
import io.inertia.common.config.RemoteConfig;
import io.inertia.common.config.RemotesConfig;
import io.inertia.common.tls.CertificateFingerprints;
import java.io.IOException;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inertia remote login <remote> <user>}: a new remote without SSH access, for team members. The
 * daemon certificate is pinned: from {@code --daemon.cert-fingerprint}, or shown and confirmed by the
 * user on first contact (as ssh does for host keys).
 */
@Command(name = "login", description = "Log in to a remote daemon as a user, creating a remote without SSH access")
public final class RemoteLoginCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "name to save the remote under") String name;

  @Parameters(index = "1", paramLabel = "USER", description = "your user on that daemon") String user;

  @Option(names = "--ip", paramLabel = "<ip>", defaultValue = "", description = "IP address of remote")
  String ip;

  @Option(names = "--totp", paramLabel = "<code>", defaultValue = "", description = "auth code or backup code for 2FA")
  String totp;

  @Option(names = "--daemon.port", paramLabel = "<port>", defaultValue = "4303", description = "remote daemon port (default: ${DEFAULT-VALUE})")
  String daemonPort;

  @Option(
      names = "--daemon.cert-fingerprint",
      defaultValue = "",
      description = "SHA-256 fingerprint of the daemon certificate to pin (asked otherwise)")
  String fingerprint;

  @Override
  public Integer call() {
    RemotesConfig remotes = config().remotes();
    RemoteNames.checkNew(remotes, name);
    String address = ip.isEmpty() ? console().prompt(":globe_with_meridians: Enter IP address of remote:") : ip;
    if (address.isEmpty()) {
      throw new CliException("no IP address provided", "perhaps you should pass --ip");
    }
    String pin = fingerprint.isEmpty() ? confirmCertificate(address) : fingerprint;
    RemoteConfig remote =
        new RemoteConfig(
            Version.current(), name, address, null,
            new DaemonConfig(daemonPort, "", "", "", false, pin), Map.of());
    String token = Logins.login(ctx.client(remote), console(), user, totp);
    remote = remote.withDaemon(remote.daemon().withToken(token, user));
    config().saveRemotes(config().remotes().withRemote(remote));
    console().println(
        ":rocket: Successfully logged in to remote '" + name + "' (" + address + ") as user '" + user + "'!");
    console().println("Try running 'inertia " + name + " status' to check on your remote.");
    return 0;
  }

  private String confirmCertificate(String address) {
    int port;
    try {
      port = Integer.parseInt(daemonPort);
    } catch (NumberFormatException e) {
      throw new CliException("invalid daemon port '" + daemonPort + "'");
    }
    String actual;
    try {
      actual = CertificateFingerprints.sha256(DaemonTrust.fetchCertificate(address, port, 10_000));
    } catch (IOException e) {
      throw new CliException("daemon on remote appears offline or inaccessible",
          "perhaps you should check that https://" + address + ":" + daemonPort + " is reachable", e);
    }
    console().println("The daemon at https://" + address + ":" + daemonPort
        + " presented a certificate with SHA-256 fingerprint");
    console().println("  " + actual);
    console().println("Compare it with what an administrator sees in 'inertia remote show <remote>'"
        + " (Daemon.CertFingerprint), in the daemon's log (\"TLS certificate fingerprint …\"), or with");
    console().println("  openssl x509 -noout -fingerprint -sha256 -in ~/.inertia/ssl/daemon.cert (on the server)");
    if (!console().confirm("Do you trust this certificate? (y/N)", false)) {
      throw new CliException("aborting: daemon certificate not trusted",
          "perhaps you should pass the fingerprint an administrator gives you with --daemon.cert-fingerprint");
    }
    return actual;
  }
}
