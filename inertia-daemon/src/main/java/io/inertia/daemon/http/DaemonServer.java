package io.inertia.daemon.http;

import io.inertia.daemon.auth.Authenticator;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's HTTPS server (docs/original.md#api-server): one TLS connector (TLS 1.2+, SNI host check off so the daemon answers
 * under any name), no plain HTTP; a 16-thread pool; request bodies capped by {@link SizeLimitHandler}; every response
 * an envelope, including 404, 405, 413 and Jetty-level errors. Routes come from {@link RouteGroup}s given at
 * construction, each route with its {@link Role}; {@link AuthGate} checks the role before the handler and before
 * WebSocket upgrades.
 */
public final class DaemonServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DaemonServer.class);
  private static final int THREADS = 16;

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
              QueuedThreadPool pool = new QueuedThreadPool(THREADS, 2, 60_000);
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
                    SecureRequestCustomizer secure = new SecureRequestCustomizer();
                    secure.setSniHostCheck(false);
                    https.addCustomizer(secure);
                    ServerConnector connector =
                        new ServerConnector(
                            server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
                    connector.setHost(options.bindHost());
                    connector.setPort(options.port());
                    connector.setIdleTimeout(options.idleTimeout().toMillis());
                    return connector;
                  });
              cfg.jetty.modifyServer(
                  server -> {
                    server.insertHandler(new SizeLimitHandler(options.maxRequestBytes(), -1));
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

  private static char[] randomPassword() {
    byte[] b = new byte[18];
    new SecureRandom().nextBytes(b);
    return Base64.getEncoder().encodeToString(b).toCharArray();
  }
}
