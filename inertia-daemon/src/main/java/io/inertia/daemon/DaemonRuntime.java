package io.inertia.daemon;

import io.inertia.daemon.auth.Authenticator;
import io.inertia.daemon.auth.LoginThrottle;
import io.inertia.daemon.auth.TokenService;
import io.inertia.daemon.auth.UserService;
import io.inertia.daemon.env.EnvironmentService;
import io.inertia.daemon.http.DaemonServer;
import io.inertia.daemon.http.EnvHandler;
import io.inertia.daemon.http.HealthHandler;
import io.inertia.daemon.http.OpenApiHandler;
import io.inertia.daemon.http.RouteGroup;
import io.inertia.daemon.http.ServerOptions;
import io.inertia.daemon.http.StatusHandler;
import io.inertia.daemon.http.StatusSource;
import io.inertia.daemon.http.TokenHandler;
import io.inertia.daemon.http.TotpHandler;
import io.inertia.daemon.http.UserHandler;
import io.inertia.daemon.settings.AtRestCipher;
import io.inertia.daemon.settings.DaemonSettings;
import io.inertia.daemon.settings.WebhookSecrets;
import io.inertia.daemon.store.Database;
import io.inertia.daemon.store.SqliteEnvStore;
import io.inertia.daemon.store.SqliteSessionStore;
import io.inertia.daemon.store.SqliteSettingsStore;
import io.inertia.daemon.store.SqliteUserStore;
import io.inertia.daemon.tls.DaemonCertificates;
import io.inertia.daemon.tls.TlsMaterial;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's object graph: settings, database, keys, certificate, services and the HTTPS server. The deployment
 * engine adds its route groups (and a {@link StatusSource}) through {@link #start(List, StatusSource)}; it reads the
 * webhook secret through {@link #webhookSecrets()} and deploy-time variables through {@link #environment()}.
 */
public final class DaemonRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DaemonRuntime.class);

  private final DaemonSettings settings;
  private final Database db;
  private final TokenService tokens;
  private final UserService users;
  private final Authenticator authenticator;
  private final EnvironmentService environment;
  private final WebhookSecrets webhookSecrets;
  private final TlsMaterial tls;
  private final String host;
  private final String bindHost;
  private final int port;
  private DaemonServer server;

  /**
   * Opens everything the server needs; fails fast, naming the file, on an unusable key file, database or certificate.
   *
   * @param host the address the daemon is reached at (certificate SAN), may be empty
   * @param bindHost interface to listen on, null for all
   * @param port port to listen on, 0 for any
   */
  public DaemonRuntime(DaemonSettings settings, String host, String bindHost, int port, Clock clock) {
    this.settings = settings;
    this.host = host == null ? "" : host.trim();
    this.bindHost = bindHost;
    this.port = port;
    this.tokens = TokenService.fromKeyFile(settings.jwtKeyFile(), clock);
    AtRestCipher cipher = AtRestCipher.fromKeyFile(settings.dbKeyFile());
    this.tls = DaemonCertificates.ensure(settings.sslDir(), this.host);
    this.db = Database.open(settings.databaseFile());
    ownerOnlyDirectory(settings.dataDir());
    SqliteSettingsStore settingsStore = new SqliteSettingsStore(db);
    this.webhookSecrets = new WebhookSecrets(settingsStore, cipher);
    webhookSecrets.update(settings.webhookSecret());
    this.users =
        new UserService(
            new SqliteUserStore(db),
            new SqliteSessionStore(db),
            tokens,
            new LoginThrottle(clock),
            cipher,
            clock,
            settings.sessionTtl());
    LOG.info("Permissions manager successfully created");
    this.authenticator = new Authenticator(tokens, users);
    this.environment = new EnvironmentService(new SqliteEnvStore(db), cipher);
  }

  /** Starts the HTTPS server with this package's endpoints plus {@code extraGroups}. */
  public DaemonServer start(List<RouteGroup> extraGroups, StatusSource status) {
    return start(extraGroups, status, UnaryOperator.identity());
  }

  /** Like {@link #start(List, StatusSource)} with server options changed by {@code tune} (tests: short timeouts). */
  public DaemonServer start(List<RouteGroup> extraGroups, StatusSource status, UnaryOperator<ServerOptions> tune) {
    List<RouteGroup> groups = new ArrayList<>(coreGroups(status));
    groups.addAll(extraGroups);
    ServerOptions options = ServerOptions.defaults(bindHost, port, tls, requestIdHost(), settings.publicBadge());
    server = new DaemonServer(tune.apply(options), authenticator, groups);
    return server.start();
  }

  /** The endpoints this module owns: health, users, TOTP, env, status, token, OpenAPI. */
  public List<RouteGroup> coreGroups(StatusSource status) {
    return List.of(
        new HealthHandler(),
        new UserHandler(users, authenticator),
        new TotpHandler(users),
        new EnvHandler(environment),
        new StatusHandler(status),
        new TokenHandler(tokens),
        new OpenApiHandler());
  }

  public DaemonSettings settings() {
    return settings;
  }

  public Database database() {
    return db;
  }

  public TokenService tokens() {
    return tokens;
  }

  public UserService users() {
    return users;
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  public EnvironmentService environment() {
    return environment;
  }

  public WebhookSecrets webhookSecrets() {
    return webhookSecrets;
  }

  public TlsMaterial tls() {
    return tls;
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    db.close();
  }

  /** The database's -wal/-shm files are created with the default umask; keep the directory private instead. */
  private static void ownerOnlyDirectory(java.nio.file.Path dir) {
    try {
      java.nio.file.Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException | java.io.IOException e) {
      LOG.warn("cannot restrict permissions of {}: {}", dir, e.getMessage());
    }
  }

  private static String requestIdHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "inertiad";
    }
  }
}
