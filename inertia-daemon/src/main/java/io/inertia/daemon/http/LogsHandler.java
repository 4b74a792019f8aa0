package io.inertia.daemon.http;

import io.inertia.common.api.ApiPaths;
import io.inertia.daemon.deploy.ContainerEngine;
import io.inertia.daemon.deploy.DeploymentException;
import io.inertia.daemon.deploy.DeploymentService;
import io.inertia.daemon.deploy.LogAccess;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /logs?container=&entries=} (user; docs/original.md#endpoints, #streaming): the last lines as {@code data.logs}, or with
 * {@code stream=true} a WebSocket that sends one text frame per line until the client leaves or the container stops.
 * The default container is the daemon's own, {@value #DAEMON_CONTAINER}; other containers must be the project's
 * ({@link LogAccess}): a malformed name is a 400 before anything else, another container a 404. WebSocket pings
 * every 15 s keep quiet follows open; a client that stops reading for {@link #SEND_TIMEOUT} ends the follow.
 */
public final class LogsHandler implements RouteGroup {
  static final String DAEMON_CONTAINER = LogAccess.DAEMON_CONTAINER;
  static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(LogsHandler.class);

  private final DeploymentService deployments;
  private final Map<String, ContainerEngine.LogFollow> follows = new ConcurrentHashMap<>();

  public LogsHandler(DeploymentService deployments) {
    this.deployments = deployments;
  }

  /** The parsed query. */
  record Query(String container, boolean stream, int entries) {
    static Query parse(String container, String stream, String entries) {
      boolean s;
      if (stream == null || stream.isBlank()) {
        s = false;
      } else if (stream.equalsIgnoreCase("true") || stream.equalsIgnoreCase("false")) {
        s = Boolean.parseBoolean(stream);
      } else {
        throw new ApiException(400, "invalid stream value", "stream must be true or false");
      }
      int n = 0;
      if (entries != null && !entries.isBlank()) {
        try {
          n = Integer.parseInt(entries.trim());
        } catch (NumberFormatException e) {
          throw new ApiException(400, "invalid number of entries", entries);
        }
      }
      String c = container == null || container.isBlank() ? DAEMON_CONTAINER : container.trim();
      if (!LogAccess.validName(c)) {
        throw new ApiException(
            400, "invalid container name", "use letters, digits, '_', '.' and '-' (at most 128)");
      }
      return new Query(c.startsWith("/") ? c : "/" + c, s, n);
    }
  }

  @Override
  public void register(Routes routes) {
    routes
        .get(ApiPaths.LOGS, Role.USER, this::lines)
        .ws(
            ApiPaths.LOGS,
            Role.USER,
            ws -> {
              ws.onConnect(this::follow);
              ws.onClose(ctx -> stop(ctx.sessionId()));
              ws.onError(ctx -> stop(ctx.sessionId()));
            });
  }

  private void lines(Context ctx) {
    Query q = Query.parse(ctx.queryParam("container"), ctx.queryParam("stream"), ctx.queryParam("entries"));
    if (q.stream()) {
      throw new ApiException(400, "stream=true needs a websocket", "connect with a WebSocket client (wss://)");
    }
    Responses.ok(ctx, 200, "logs retrieved", "logs", deployments.logs(q.container(), q.entries()));
  }

  private void follow(WsContext ctx) {
    Query q;
    try {
      q = Query.parse(ctx.queryParam("container"), ctx.queryParam("stream"), ctx.queryParam("entries"));
    } catch (ApiException e) {
      ctx.closeSession(1008, e.getMessage());
      return;
    }
    ctx.enableAutomaticPings();
    String id = ctx.sessionId();
    Thread t =
        new Thread(
            () -> {
              try {
                ContainerEngine.LogFollow f =
                    deployments.followLogs(
                        q.container(),
                        q.entries(),
                        line -> {
                          if (!WebSocketLines.send(ctx, line, SEND_TIMEOUT)) {
                            stop(id);
                          }
                        });
                follows.put(id, f);
                if (!ctx.session.isOpen()) {
                  stop(id);
                  return;
                }
                f.awaitEnd(Duration.ofDays(365));
                stop(id);
                ctx.closeSession(1000, "log stream ended");
              } catch (DeploymentException e) {
                ctx.closeSession(1011, clip(e.getMessage() + (e.detail().isEmpty() ? "" : ": " + e.detail())));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                LOG.warn("log follow of {} failed: {}", q.container(), e.toString());
                ctx.closeSession(1011, "failed to follow logs");
              }
            },
            "logs-follow");
    t.setDaemon(true);
    t.start();
  }

  private void stop(String sessionId) {
    ContainerEngine.LogFollow f = follows.remove(sessionId);
    if (f != null) {
      f.close();
    }
  }

  /** Close reasons are limited to 123 bytes. */
  private static String clip(String s) {
    return s.length() > 100 ? s.substring(0, 100) : s;
  }
}
