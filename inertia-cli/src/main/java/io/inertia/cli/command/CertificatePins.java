package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.cli.daemon.DaemonTrust;
import io.inertia.cli.output.Console;
import io.inertia.common.config.DaemonConfig;
import io.inertia.common.config.RemoteConfig;
import io.inertia.common.tls.CertificateFingerprints;
import java.io.IOException;

/**
 * Pins the daemon certificate of a remote that has none, such as every remote written by the original
 * (which skipped verification). The fingerprint the daemon serves must equal one obtained through a
 * channel already trusted: the certificate file read over SSH (host key verified), a fingerprint the
 * user was given, or the user's own yes after seeing it (as ssh asks for a new host key).
 */
final class CertificatePins {
  private static final int TIMEOUT_MILLIS = 10_000;

  private final CliContext ctx;

  CertificatePins(CliContext ctx) {
    this.ctx = ctx;
  }

  /** Whether a daemon command must pin first: no pin, and no CA verification asked for. */
  static boolean needsPin(RemoteConfig remote) {
    DaemonConfig d = remote.daemon() == null ? DaemonConfig.empty() : remote.daemon();
    return d.certFingerprint().isEmpty() && !d.verifySsl();
  }

  /** Whether the remote has the SSH settings to read the certificate over SSH. */
  static boolean hasSsh(RemoteConfig remote) {
    return remote.ssh() != null && !remote.ssh().user().isEmpty() && !remote.ssh().identityFile().isEmpty();
  }

  /** Reads the certificate over SSH, checks the daemon serves it, and returns the remote with the pin. */
  RemoteConfig overSsh(RemoteConfig remote) {
    Console console = ctx.console();
    console.println(":lock: Remote '" + remote.name() + "' has no pinned daemon certificate;"
        + " reading ~/.inertia/ssl/daemon.cert over SSH...");
    String overSsh =
        ctx.remoteOperations("pinning the certificate of '" + remote.name() + "'")
            .daemonCertificateFingerprint(remote, console);
    String served = served(remote);
    if (!CertificateFingerprints.matches(overSsh, served)) {
      throw new CliException(
          "the daemon at " + address(remote) + " serves a certificate with fingerprint " + served
              + ", but ~/.inertia/ssl/daemon.cert on the VPS has " + overSsh + ": nothing was pinned",
          "perhaps you should restart the daemon with 'inertia " + remote.name() + " upgrade'");
    }
    console.println(":lock: Pinned " + served + " for remote '" + remote.name() + "'");
    return pinned(remote, served);
  }

  /**
   * Without SSH: pins {@code given} if the daemon serves it; else shows the served fingerprint and asks,
   * or accepts it without asking when {@code yes}.
   */
  RemoteConfig confirmed(RemoteConfig remote, String given, boolean yes) {
    Console console = ctx.console();
    String served = served(remote);
    if (!given.isEmpty()) {
      if (!CertificateFingerprints.matches(given, served)) {
        throw new CliException(
            "the daemon at " + address(remote) + " serves a certificate with fingerprint " + served
                + ", not " + given + ": nothing was pinned",
            "perhaps you should ask your administrator for the fingerprint in 'inertia remote show'");
      }
    } else {
      console.println("The daemon at " + address(remote) + " presented a certificate with SHA-256 fingerprint");
      console.println("  " + served);
      if (!yes) {
        console.println("Compare it with the daemon's log (\"TLS certificate fingerprint …\") or with");
        console.println("  openssl x509 -noout -fingerprint -sha256 -in ~/.inertia/ssl/daemon.cert (on the server)");
        if (!console.confirm("Do you trust this certificate? (y/N)", false)) {
          throw new CliException("aborting: daemon certificate not trusted",
              "perhaps you should pass the fingerprint with --daemon.cert-fingerprint");
        }
      }
    }
    console.println(":lock: Pinned " + served + " for remote '" + remote.name() + "'");
    return pinned(remote, served);
  }

  private String served(RemoteConfig remote) {
    DaemonConfig d = remote.daemon() == null ? DaemonConfig.empty() : remote.daemon();
    String port = d.port().isEmpty() ? DaemonConfig.DEFAULT_PORT : d.port();
    int p;
    try {
      p = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new CliException("invalid daemon port '" + port + "'",
          "perhaps you should fix it with 'inertia remote set " + remote.name() + " daemon.port <port>'");
    }
    try {
      return CertificateFingerprints.sha256(DaemonTrust.fetchCertificate(remote.ip(), p, TIMEOUT_MILLIS));
    } catch (IOException e) {
      throw new CliException("daemon on remote appears offline or inaccessible",
          "perhaps you should check that " + address(remote) + " is reachable", e);
    }
  }

  private static RemoteConfig pinned(RemoteConfig remote, String fingerprint) {
    DaemonConfig d = remote.daemon() == null ? DaemonConfig.empty() : remote.daemon();
    return remote.withDaemon(d.withCertFingerprint(fingerprint));
  }

  private static String address(RemoteConfig remote) {
    DaemonConfig d = remote.daemon() == null ? DaemonConfig.empty() : remote.daemon();
    return "https://" + remote.ip() + ":" + (d.port().isEmpty() ? DaemonConfig.DEFAULT_PORT : d.port());
  }
}
