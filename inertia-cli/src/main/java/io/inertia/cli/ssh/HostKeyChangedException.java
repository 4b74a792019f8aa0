package io.inertia.cli.ssh;

import java.nio.file.Path;

/**
 * The server presented a host key other than the one trusted on first use: the connection was
 * refused. The message names the host, both fingerprints and how to fix it.
 */
public final class HostKeyChangedException extends RemoteShellException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final String knownFingerprint;
  private final String presentedFingerprint;

  public HostKeyChangedException(
      String host, String knownFingerprint, String presentedFingerprint, Path knownHosts) {
    super(
        "the SSH host key of "
            + host
            + " has changed - refusing to connect.\n"
            + "  trusted:   "
            + knownFingerprint
            + "\n  presented: "
            + presentedFingerprint
            + "\nSomeone could be intercepting the connection, or the VPS was rebuilt. If you know the"
            + " VPS was reinstalled, remove the old key with\n  ssh-keygen -R '"
            + host
            + "' -f "
            + knownHosts
            + "\nand try again (the new key is then trusted on first use).");
    this.host = host;
    this.knownFingerprint = knownFingerprint;
    this.presentedFingerprint = presentedFingerprint;
  }

  /** The host as in known_hosts ({@code [ip]:port} off port 22). */
  public String host() {
    return host;
  }

  /** {@code SHA256:…} of the trusted key. */
  public String knownFingerprint() {
    return knownFingerprint;
  }

  /** {@code SHA256:…} of the key the server presented. */
  public String presentedFingerprint() {
    return presentedFingerprint;
  }
}
