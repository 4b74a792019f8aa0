package io.inertia.common.config;

/**
 * The {@code [remote.ssh]} table.
 *
 * @param user SSH user (commands run through {@code sudo})
 * @param identityFile {@code identityfile}: private key path, used as is (no {@code ~} expansion)
 * @param sshPort {@code ssh-port}, a string as in the original; usually "22"
 */
public record SshConfig(String user, String identityFile, String sshPort) {
  /** The default SSH port of {@code remote add}. */
  public static final String DEFAULT_PORT = "22";

  public SshConfig {
    user = Strings.orEmpty(user);
    identityFile = Strings.orEmpty(identityFile);
    sshPort = Strings.orEmpty(sshPort);
  }

  /** An empty section, the start point when a {@code remote set ssh.*} creates it. */
  public static SshConfig empty() {
    return new SshConfig("", "", "");
  }
}
