package io.inertia.daemon.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The daemon's configuration, read once at start from environment variables (docs/original.md#daemon-container). Defaults are the
 * image layout under {@code /app/host}, where the SSH user's home is mounted.
 *
 * @param projectDir {@code INERTIA_PROJECT_DIR}: git working tree of the deployed project
 * @param dataDir {@code INERTIA_DATA_DIR}: the state database {@code inertia.db}
 * @param persistDir {@code INERTIA_PERSIST_DIR}: mounted at {@code /persist} into project containers
 * @param secretsDir {@code INERTIA_SECRETS_DIR}: {@code jwt.key}, {@code db.key}, {@code ssl/}
 * @param deployKeyPath {@code INERTIA_GH_KEY_PATH}: the deploy key used to clone the project
 * @param hostHome {@code HOME}: the host path of the mounted home, to translate bind mounts
 * @param sshKnownHosts {@code SSH_KNOWN_HOSTS}: known_hosts used when cloning
 * @param webhookSecret {@code INERTIA_WEBHOOK_SECRET_FILE} (a file holding it) or {@code INERTIA_WEBHOOK_SECRET}:
 *     initial webhook secret, if given (empty = none)
 * @param composeImage {@code INERTIA_COMPOSE_IMAGE}: image of the compose runner container
 * @param publicBadge {@code INERTIA_PUBLIC_BADGE=true}: {@code /status?badge=true} answers without a token
 * @param sessionTtl {@code INERTIA_SESSION_TTL} (ISO-8601 duration like {@code PT12H}): lifetime of user sessions
 */
public record DaemonSettings(
    Path projectDir,
    Path dataDir,
    Path persistDir,
    Path secretsDir,
    Path deployKeyPath,
    String hostHome,
    Path sshKnownHosts,
    String webhookSecret,
    String composeImage,
    boolean publicBadge,
    Duration sessionTtl) {

  /** Image layout defaults (docs/original.md#daemon-container). */
  public static final String DEFAULT_PROJECT_DIR = "/app/host/inertia/project/";
  public static final String DEFAULT_DATA_DIR = "/app/host/inertia/data/";
  public static final String DEFAULT_PERSIST_DIR = "/app/host/inertia/persist";
  public static final String DEFAULT_SECRETS_DIR = "/app/host/.inertia/";
  public static final String DEFAULT_GH_KEY_PATH = "/app/host/.ssh/id_rsa_inertia_deploy";
  public static final String DEFAULT_KNOWN_HOSTS = "/app/host/.ssh/known_hosts";
  /** The Compose v2 runner image the deploy engine starts (a Docker CLI with the compose plugin). */
  public static final String DEFAULT_COMPOSE_IMAGE = "docker:26-cli";
  public static final Duration DEFAULT_SESSION_TTL = Duration.ofHours(12);

  /** Reads the settings from the process environment. */
  public static DaemonSettings fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * Reads the settings from {@code env}; missing or blank variables take the defaults.
   *
   * @throws IllegalArgumentException if {@code INERTIA_SESSION_TTL} is not a positive ISO-8601 duration, or {@code
   *     INERTIA_WEBHOOK_SECRET_FILE} cannot be read or is given together with {@code INERTIA_WEBHOOK_SECRET}
   */
  public static DaemonSettings fromEnvironment(Map<String, String> env) {
    Duration ttl = DEFAULT_SESSION_TTL;
    Optional<String> ttlText = value(env, "INERTIA_SESSION_TTL");
    if (ttlText.isPresent()) {
      try {
        ttl = Duration.parse(ttlText.get());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "INERTIA_SESSION_TTL must be an ISO-8601 duration such as PT12H, got '" + ttlText.get() + "'", e);
      }
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("INERTIA_SESSION_TTL must be positive, got '" + ttlText.get() + "'");
      }
    }
    return new DaemonSettings(
        Path.of(value(env, "INERTIA_PROJECT_DIR").orElse(DEFAULT_PROJECT_DIR)),
        Path.of(value(env, "INERTIA_DATA_DIR").orElse(DEFAULT_DATA_DIR)),
        Path.of(value(env, "INERTIA_PERSIST_DIR").orElse(DEFAULT_PERSIST_DIR)),
        Path.of(value(env, "INERTIA_SECRETS_DIR").orElse(DEFAULT_SECRETS_DIR)),
        Path.of(value(env, "INERTIA_GH_KEY_PATH").orElse(DEFAULT_GH_KEY_PATH)),
        value(env, "HOME").orElse("/app/host"),
        Path.of(value(env, "SSH_KNOWN_HOSTS").orElse(DEFAULT_KNOWN_HOSTS)),
        webhookSecret(env),
        value(env, "INERTIA_COMPOSE_IMAGE").orElse(DEFAULT_COMPOSE_IMAGE),
        value(env, "INERTIA_PUBLIC_BADGE").map(v -> v.equalsIgnoreCase("true")).orElse(false),
        ttl);
  }

  /** Settings rooted in one directory (tests and local runs): {@code root/{project,data,persist,secrets}}. */
  public static DaemonSettings under(Path root) {
    return new DaemonSettings(
        root.resolve("project"),
        root.resolve("data"),
        root.resolve("persist"),
        root.resolve("secrets"),
        root.resolve("ssh/id_rsa_inertia_deploy"),
        root.toString(),
        root.resolve("ssh/known_hosts"),
        "",
        DEFAULT_COMPOSE_IMAGE,
        false,
        DEFAULT_SESSION_TTL);
  }

  /** A copy with another initial webhook secret (the {@code --webhook.secret[-file]} flags win over the environment). */
  public DaemonSettings withWebhookSecret(String secret) {
    return new DaemonSettings(projectDir, dataDir, persistDir, secretsDir, deployKeyPath, hostHome, sshKnownHosts,
        secret == null ? "" : secret, composeImage, publicBadge, sessionTtl);
  }

  /** A copy with the public badge switched on or off. */
  public DaemonSettings withPublicBadge(boolean on) {
    return new DaemonSettings(projectDir, dataDir, persistDir, secretsDir, deployKeyPath, hostHome, sshKnownHosts,
        webhookSecret, composeImage, on, sessionTtl);
  }

  /** A copy with another session lifetime. */
  public DaemonSettings withSessionTtl(Duration ttl) {
    return new DaemonSettings(projectDir, dataDir, persistDir, secretsDir, deployKeyPath, hostHome, sshKnownHosts,
        webhookSecret, composeImage, publicBadge, ttl);
  }

  /** {@code <data>/inertia.db}. */
  public Path databaseFile() {
    return dataDir.resolve("inertia.db");
  }

  /** {@code <secrets>/ssl}. */
  public Path sslDir() {
    return secretsDir.resolve("ssl");
  }

  /** {@code <secrets>/jwt.key}. */
  public Path jwtKeyFile() {
    return secretsDir.resolve("jwt.key");
  }

  /** {@code <secrets>/db.key}. */
  public Path dbKeyFile() {
    return secretsDir.resolve("db.key");
  }

  private static String webhookSecret(Map<String, String> env) {
    Optional<String> file = value(env, "INERTIA_WEBHOOK_SECRET_FILE");
    Optional<String> text = value(env, "INERTIA_WEBHOOK_SECRET");
    if (file.isPresent() && text.isPresent()) {
      throw new IllegalArgumentException("set INERTIA_WEBHOOK_SECRET_FILE or INERTIA_WEBHOOK_SECRET, not both");
    }
    return file.map(f -> WebhookSecretFile.read(Path.of(f))).orElse(text.orElse(""));
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }
}
