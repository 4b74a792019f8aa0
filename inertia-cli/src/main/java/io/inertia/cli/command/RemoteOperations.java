package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.cli.output.Console;
import io.inertia.common.config.ProjectConfig;
import io.inertia.common.config.RemoteConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * The per-remote work done over SSH (docs/original.md#per-remote-commands, #bootstrap): bootstrap, daemon upgrade and removal, token
 * minting, file copy, interactive shell. Implemented by {@code io.inertia.cli.bootstrap} and found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.inertia.cli.command.RemoteOperations}),
 * so the command layer does not depend on sshj. The commands load and save the config files and print
 * the surrounding messages; implementations print their own steps through {@code console} and throw
 * {@link io.inertia.cli.CliException} (message + hint) on failure. A remote without an SSH section
 * should fail with "client not configured for SSH access". All methods block.
 */
public interface RemoteOperations {

  /**
   * {@code inertia <remote> init}: the four bootstrap steps (docs/original.md#bootstrap-steps), printing what the original prints
   * (deploy key, webhook URL and secret).
   *
   * @return the remote to save: with the new {@code daemon.token} and the pinned
   *     {@code daemon.cert-fingerprint} read over SSH
   */
  RemoteConfig init(RemoteConfig remote, ProjectConfig project, Console console);

  /**
   * {@code inertia <remote> upgrade}: daemon-down then daemon-up of {@code remote.version()} (the command
   * has already applied {@code --version}). "Shutting down daemon..." and "Starting up the Inertia daemon
   * (version v)" are printed by the implementation.
   *
   * @return the remote to save (e.g. a re-pinned certificate fingerprint)
   */
  RemoteConfig upgrade(RemoteConfig remote, Console console);

  /**
   * {@code inertia <remote> uninstall}, after the command has confirmed and stopped the project:
   * "Stopping daemon..." (daemon-down) and "Removing Inertia directories..." (inertia-down).
   */
  void uninstall(RemoteConfig remote, Console console);

  /** {@code inertia <remote> token --ssh}: a master token minted over SSH (not saved). */
  String token(RemoteConfig remote, Console console);

  /**
   * {@code inertia <remote> send <file>}: copies {@code localFile} to
   * {@code $HOME/inertia/project/<destination>} with mode {@code permissions} (e.g. {@code 0655}).
   *
   * @return the absolute remote path written
   */
  String send(RemoteConfig remote, Path localFile, String destination, String permissions, Console console);

  /** {@code inertia <remote> ssh}: an interactive shell; returns the ssh exit status. */
  int ssh(RemoteConfig remote, Console console);

  /**
   * {@code inertia <remote> ssh [command…]}: runs the command on the remote (its words joined by
   * spaces, as the original does), or an interactive shell when {@code command} is empty.
   *
   * @return the exit status of ssh, which is the command's when one ran
   */
  default int ssh(RemoteConfig remote, List<String> command, Console console) {
    if (command.isEmpty()) {
      return ssh(remote, console);
    }
    throw new CliException("running a command over SSH is not supported by this SSH layer");
  }

  /**
   * The SHA-256 fingerprint of {@code ~/.inertia/ssl/daemon.cert} on the remote, read over SSH (the host
   * key verified), for pinning a remote that has no pinned certificate.
   */
  default String daemonCertificateFingerprint(RemoteConfig remote, Console console) {
    throw new CliException("reading the daemon certificate over SSH is not supported by this SSH layer");
  }

  /** {@code inertia <remote> send-image <image>}: copies a local Docker image to the remote's engine. */
  void sendImage(RemoteConfig remote, String image, Console console);
}
