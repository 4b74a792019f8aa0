package io.inertia.common.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code [[remote]]} of {@code inertia.remotes} (docs/original.md#the-remotes-file). Immutable; every change returns a
 * copy.
 *
 * @param version daemon image tag to deploy ({@code vX.Y.Z}, {@code latest}, {@code test})
 * @param name unique remote name; also the CLI command {@code inertia <name>}
 * @param ip host or IP used for SSH and {@code https://<ip>:<port>}
 * @param ssh the {@code [remote.ssh]} table, or null for a remote created by {@code remote login}
 * @param daemon the {@code [remote.daemon]} table, or null when the file has none
 * @param profiles {@code [remote.profiles]}: project name to applied profile name, in file order
 */
public record RemoteConfig(
    String version,
    String name,
    String ip,
    SshConfig ssh,
    DaemonConfig daemon,
    Map<String, String> profiles) {

  public RemoteConfig {
    version = Strings.orEmpty(version);
    name = Strings.orEmpty(name);
    ip = Strings.orEmpty(ip);
    profiles =
        profiles == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
  }

  /** Whether SSH commands can run against this remote (false for {@code remote login} remotes). */
  public boolean hasSsh() {
    return ssh != null;
  }

  /** The profile applied for a project on this remote, or {@code default} when none is (docs/original.md#profiles). */
  public String appliedProfile(String projectName) {
    String p = profiles.get(projectName);
    return p == null || p.isEmpty() ? Profile.DEFAULT_NAME : p;
  }

  /**
   * A copy with {@code profiles[projectName] = profileName} ({@code project profile apply}); an empty
   * profile name stores {@code default} (docs/original.md#profiles).
   */
  public RemoteConfig withAppliedProfile(String projectName, String profileName) {
    Map<String, String> next = new LinkedHashMap<>(profiles);
    next.put(
        projectName,
        profileName == null || profileName.isEmpty() ? Profile.DEFAULT_NAME : profileName);
    return new RemoteConfig(version, name, ip, ssh, daemon, next);
  }

  /** A copy with another {@code version} ({@code remote upgrade}). */
  public RemoteConfig withVersion(String newVersion) {
    return new RemoteConfig(newVersion, name, ip, ssh, daemon, profiles);
  }

  /** A copy with another name ({@code remote import} keeps the name; tests and renames use this). */
  public RemoteConfig withName(String newName) {
    return new RemoteConfig(version, newName, ip, ssh, daemon, profiles);
  }

  /** A copy with another daemon section. */
  public RemoteConfig withDaemon(DaemonConfig newDaemon) {
    return new RemoteConfig(version, name, ip, ssh, newDaemon, profiles);
  }

  /** A copy with another SSH section (null removes it). */
  public RemoteConfig withSsh(SshConfig newSsh) {
    return new RemoteConfig(version, name, ip, newSsh, daemon, profiles);
  }

  /**
   * {@code inertia remote set <remote> <property> <value>} (docs/original.md#setting-properties), without reflection. Properties:
   * {@code version, name, ip, ssh.user, ssh.identityfile, ssh.ssh-port, daemon.port, daemon.token,
   * daemon.user, daemon.webhook-secret, daemon.verify-ssl, daemon.cert-fingerprint}. Setting a key of a
   * missing section creates the section. Unlike the original, {@code daemon.verify-ssl} takes the value
   * given: {@code true/false/t/f/1/0} in any case.
   *
   * @throws InvalidPropertyException "could not set property 'x'" for an unknown key, or a bool leaf
   *     given something that is not a bool
   */
  public RemoteConfig withProperty(String property, String value) {
    SshConfig s = ssh == null ? SshConfig.empty() : ssh;
    DaemonConfig d = daemon == null ? DaemonConfig.empty() : daemon;
    return switch (property) {
      case "version" -> withVersion(value);
      case "name" -> withName(value);
      case "ip" -> new RemoteConfig(version, name, value, ssh, daemon, profiles);
      case "ssh.user" -> withSsh(new SshConfig(value, s.identityFile(), s.sshPort()));
      case "ssh.identityfile" -> withSsh(new SshConfig(s.user(), value, s.sshPort()));
      case "ssh.ssh-port" -> withSsh(new SshConfig(s.user(), s.identityFile(), value));
      case "daemon.port" -> withDaemon(
          new DaemonConfig(
              value, d.token(), d.user(), d.webhookSecret(), d.verifySsl(), d.certFingerprint()));
      case "daemon.token" -> withDaemon(
          new DaemonConfig(
              d.port(), value, d.user(), d.webhookSecret(), d.verifySsl(), d.certFingerprint()));
      case "daemon.user" -> withDaemon(
          new DaemonConfig(
              d.port(), d.token(), value, d.webhookSecret(), d.verifySsl(), d.certFingerprint()));
      case "daemon.webhook-secret" -> withDaemon(
          new DaemonConfig(
              d.port(), d.token(), d.user(), value, d.verifySsl(), d.certFingerprint()));
      case "daemon.verify-ssl" -> withDaemon(
          new DaemonConfig(
              d.port(),
              d.token(),
              d.user(),
              d.webhookSecret(),
              parseBool(property, value),
              d.certFingerprint()));
      case "daemon.cert-fingerprint" -> withDaemon(d.withCertFingerprint(value));
      default -> throw InvalidPropertyException.unknown(property);
    };
  }

  private static boolean parseBool(String property, String value) {
    try {
      return Strings.parseBool(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidPropertyException(
          property,
          "could not set property '" + property + "': " + e.getMessage(),
          e);
    }
  }
}
