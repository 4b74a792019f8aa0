package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.common.config.RemoteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inertia remote pin <remote>}: pins the daemon certificate of a remote that has none (a remote
 * written by the original, or one whose daemon got a new certificate). Over SSH when the remote has SSH
 * settings; otherwise the fingerprint is shown and confirmed, given, or accepted with {@code --yes}.
 */
@Command(
    name = "pin",
    description = "Pin the daemon certificate of a remote (remotes set up by the original Inertia have none)")
public final class RemotePinCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "remote") String name;

  @Option(names = {"-y", "--yes"}, description = "trust the certificate the daemon presents without asking (no SSH)")
  boolean yes;

  @Option(
      names = "--daemon.cert-fingerprint",
      defaultValue = "",
      description = "SHA-256 fingerprint the daemon's certificate must have")
  String fingerprint;

  @Option(names = "--no-ssh", description = "do not read the certificate over SSH even if the remote has SSH settings")
  boolean noSsh;

  @Override
  public Integer call() {
    RemoteConfig remote =
        config().remotes().remote(name).orElseThrow(
            () -> new CliException("no remote '" + name + "' currently configured",
                "perhaps you should run 'inertia remote ls'"));
    CertificatePins pins = new CertificatePins(ctx);
    RemoteConfig updated =
        CertificatePins.hasSsh(remote) && !noSsh && fingerprint.isEmpty()
            ? pins.overSsh(remote)
            : pins.confirmed(remote, fingerprint, yes);
    config().saveRemotes(config().remotes().withRemote(updated));
    return 0;
  }
}
