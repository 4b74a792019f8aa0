package io.inertia.daemon.http;

import io.inertia.common.api.ApiPaths;
import io.inertia.daemon.auth.Authenticator;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's HTTPS server (docs/original.md#api-server): one TLS connector (TLS 1.2+, SNI host check off so the daemon answers
 * under any name), no plain HTTP; a small thread pool; request bodies received in full, within a deadline and a size
 * limit, before any route runs ({@link RequestGate}); every response an envelope, including 404, 405, 408, 413 and
 * Jetty-level errors, and no body for {@code HEAD}. Routes come from {@link RouteGroup}s given at
 * construction, each route with its {@link Role}; {@link AuthGate} checks the role before the handler and before
 * WebSocket upgrades.
 */
public final class DaemonServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DaemonServer.class);
  /**
   * Handler threads. Routes run only once their body has arrived ({@link RequestGate}), so a slow client never
   * holds one; the pool is sized for concurrent TLS handshakes and running routes, not for connections.
   */
  private static final int MAX_THREADS = 32;

  private static final int MIN_THREADS = 4;

  /**
   * Pending connections the kernel queues before the acceptor takes them. The JDK default (50) drops the SYNs of a
   * burst of 100 webhook deliveries and each dropped one costs the client a one-second retransmission.
   */
  private static final int ACCEPT_QUEUE = 1024;

  private final Javalin app;
  private final List<Routes.Route> routes = new ArrayList<>();

  public DaemonServer(ServerOptions options, Authenticator authenticator, List<RouteGroup> groups) {
    RequestIds ids = new RequestIds(options.requestIdHost());
    AuthGate gate = new AuthGate(authenticator, options.publicBadge());
    char[] storePassword = randomPassword();
    this.app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.http.prefer405over404 = true;
              cfg.http.maxRequestSize = options.maxRequestBytes();
              QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, 60_000);
              pool.setName("inertiad-http");
              cfg.jetty.threadPool = pool;
              cfg.jetty.addConnector(
                  (server, httpConfig) -> {
                    SslContextFactory.Server ssl = new SslContextFactory.Server();
                    ssl.setKeyStore(options.tls().keyStore(storePassword));
                    ssl.setKeyStorePassword(new String(storePassword));
                    ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
                    HttpConfiguration https = new HttpConfiguration(httpConfig);
                    https.setSendServerVersion(false);
                    // Jetty's per-connection header cache matches values ignoring case by default, so a later
                    // "BEARER <TOKEN IN CAPITALS>" on a kept-alive connection was answered with the cached, valid value.
                    https.setHeaderCacheCaseSensitive(true);
                    SecureRequestCustomizer secure = new SecureRequestCustomizer();
                    secure.setSniHostCheck(false);
                    https.addCustomizer(secure);
                    ServerConnector connector =
                        new ServerConnector(
                            server, new SslConnectionFactory(ssl, "http/1.1"), new HeadAwareConnectionFactory(https));
                    connector.setHost(options.bindHost());
                    connector.setPort(options.port());
                    connector.setIdleTimeout(options.idleTimeout().toMillis());
                    connector.setAcceptQueueSize(ACCEPT_QUEUE);
                    return connector;
                  });
              cfg.jetty.modifyServer(
                  server -> {
                    server.insertHandler(
                        new RequestGate(
                            path -> path.equals(ApiPaths.WEBHOOK) ? options.maxRequestBytes() : Bodies.JSON_LIMIT_BYTES,
                            watches(groups),
                            options.bodyIdleTimeout(),
                            options.bodyDeadline(),
                            options.handlingTimeout()));
                    server.setErrorHandler(new EnvelopeErrorHandler(ids));
                  });
              cfg.routes.before(ctx -> ctx.attribute(RequestIds.ATTRIBUTE, ids.next()));
              cfg.routes.beforeMatched(gate::check);
              cfg.routes.wsBeforeUpgrade(ctx -> {
                ctx.attribute(RequestIds.ATTRIBUTE, ids.next());
                gate.check(ctx);
              });
              cfg.routes.exception(HttpResponseException.class, ErrorMapping::handle);
              cfg.routes.exception(Exception.class, ErrorMapping::handle);
              Routes r = new Routes(cfg.routes);
              for (RouteGroup g : groups) {
                g.register(r);
              }
              routes.addAll(r.registered());
            });
  }

  /** Starts listening. @throws IllegalStateException if the port cannot be bound */
  public DaemonServer start() {
    app.start();
    LOG.info("Serving daemon on port {}", app.port());
    return this;
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return app.port();
  }

  /** Every registered route, in registration order. */
  public List<Routes.Route> routes() {
    return List.copyOf(routes);
  }

  @Override
  public void close() {
    app.stop();
  }

  private static java.util.Map<String, BodyWatch.Factory> watches(List<RouteGroup> groups) {
    java.util.Map<String, BodyWatch.Factory> all = new java.util.HashMap<>();
    for (RouteGroup g : groups) {
      all.putAll(g.bodyWatches());
    }
    return all;
  }

  private static char[] randomPassword() {
    byte[] b = new byte[18];
    new SecureRandom().nextBytes(b);
    return Base64.getEncoder().encodeToString(b).toCharArray();
  }
}
