package io.inertia.common.config;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code [remote.daemon]} table.
 *
 * @param port daemon HTTPS port, a string as in the original; usually "4303"
 * @param token JWT sent as {@code Authorization: Bearer}
 * @param user username last logged in with; omitted from the file when empty
 * @param webhookSecret {@code webhook-secret}, pushed to the daemon at bootstrap and on every {@code up}
 * @param verifySsl {@code verify-ssl}: verify the daemon's TLS certificate against the CA store
 * @param certFingerprint {@code cert-fingerprint}: pinned SHA-256 fingerprint of the daemon certificate,
 *     a key the original lacks (and ignores); omitted from the file when empty
 * @param settings the daemon settings {@code init}/{@code upgrade} pass to the daemon as environment
 *     variables ({@code INERTIA_PUBLIC_BADGE = "true"}, …), sorted by name; the table {@code
 *     [remote.daemon.settings]}, which the original lacks (and ignores); omitted when empty
 */
public record DaemonConfig(
    String port,
    String token,
    String user,
    String webhookSecret,
    boolean verifySsl,
    String certFingerprint,
    Map<String, String> settings) {
  /** The default daemon port. */
  public static final String DEFAULT_PORT = "4303";

  public DaemonConfig {
    port = Strings.orEmpty(port);
    token = Strings.orEmpty(token);
    user = Strings.orEmpty(user);
    webhookSecret = Strings.orEmpty(webhookSecret);
    certFingerprint = Strings.orEmpty(certFingerprint);
    settings = settings == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(settings));
  }

  /** A section without daemon settings. */
  public DaemonConfig(
      String port, String token, String user, String webhookSecret, boolean verifySsl, String certFingerprint) {
    this(port, token, user, webhookSecret, verifySsl, certFingerprint, Map.of());
  }

  /** An empty section with no port, as the start point of a {@code remote set daemon.*}. */
  public static DaemonConfig empty() {
    return new DaemonConfig("", "", "", "", false, "");
  }

  /** A copy with a new token and user, as {@code remote login} stores them. */
  public DaemonConfig withToken(String newToken, String newUser) {
    return new DaemonConfig(port, newToken, newUser, webhookSecret, verifySsl, certFingerprint, settings);
  }

  /** A copy with a pinned certificate fingerprint. */
  public DaemonConfig withCertFingerprint(String fingerprint) {
    return new DaemonConfig(port, token, user, webhookSecret, verifySsl, fingerprint, settings);
  }

  /** A copy with other daemon settings. */
  public DaemonConfig withSettings(Map<String, String> newSettings) {
    return new DaemonConfig(port, token, user, webhookSecret, verifySsl, certFingerprint, newSettings);
  }
}
