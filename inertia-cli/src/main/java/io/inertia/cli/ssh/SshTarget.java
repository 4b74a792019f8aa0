package io.inertia.cli.ssh;

import io.inertia.common.config.RemoteConfig;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where and as whom to log in.
 *
 * @param host host name or IP address (the remote's {@code ip})
 * @param port SSH port
 * @param user login user; root runs commands directly, anyone else through {@code sudo -n}
 * @param identityFile private key (OpenSSH or PEM format)
 * @param passphrase passphrase of an encrypted key, or null ({@code IDENTITY_PASSPHRASE})
 */
public record SshTarget(String host, int port, String user, Path identityFile, String passphrase) {

  /** Environment variable holding the passphrase of an encrypted identity file (docs/original.md#cli-conventions). */
  public static final String PASSPHRASE_ENV = "IDENTITY_PASSPHRASE";

  public SshTarget {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("no host given for SSH");
    }
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("no SSH user given for " + host);
    }
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("invalid SSH port " + port + " for " + host);
    }
  }

  /**
   * The target of a remote from {@code inertia.remotes}, with the passphrase taken from {@code
   * IDENTITY_PASSPHRASE} when set.
   *
   * @throws IllegalArgumentException when the remote has no usable {@code [remote.ssh]} section
   */
  public static SshTarget of(RemoteConfig remote) {
    if (!remote.hasSsh()) {
      throw new IllegalArgumentException(
          "client not configured for SSH access (remote '" + remote.name() + "' has no [remote.ssh] section)");
    }
    String portText = remote.ssh().sshPort().isEmpty() ? "22" : remote.ssh().sshPort();
    int port;
    try {
      port = Integer.parseInt(portText.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "remote '" + remote.name() + "' has an invalid ssh-port '" + portText + "'", e);
    }
    String pass = System.getenv(PASSPHRASE_ENV);
    return new SshTarget(
        remote.ip(),
        port,
        remote.ssh().user(),
        Paths.get(remote.ssh().identityFile()),
        pass == null || pass.isEmpty() ? null : pass);
  }

  /** Whether commands run without {@code sudo}. */
  public boolean isRoot() {
    return "root".equals(user);
  }

  /** {@code user@host:port}, for messages. */
  public String display() {
    return user + "@" + host + ":" + port;
  }

  /** The host as OpenSSH names it in known_hosts: {@code host}, or {@code [host]:port} off port 22. */
  public String knownHostsName() {
    return port == 22 ? host : "[" + host + "]:" + port;
  }

  @Override
  public String toString() {
    // Never print the passphrase.
    return "SshTarget[" + display() + ", identityFile=" + identityFile + "]";
  }
}
