package io.inertia.daemon.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.websocket.WsConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a {@link RouteGroup} registers its endpoints with: every route has exactly one {@link Role}. Handlers read the
 * caller with {@link AuthGate#principal(io.javalin.http.Context)}, answer with {@link Responses}, parse bodies with
 * {@link Bodies} and throw {@link ApiException} (or a domain exception the server maps) on failure. A WebSocket route
 * is checked by the same gate before the upgrade.
 */
public final class Routes {
  /** One registered endpoint (method {@code WS} for WebSockets). */
  public record Route(String method, String path, Role role) {}

  private final RoutesConfig config;
  private final List<Route> registered = new ArrayList<>();

  Routes(RoutesConfig config) {
    this.config = config;
  }

  public Routes get(String path, Role role, Handler handler) {
    return add(HandlerType.GET, path, role, handler);
  }

  public Routes post(String path, Role role, Handler handler) {
    return add(HandlerType.POST, path, role, handler);
  }

  public Routes add(HandlerType method, String path, Role role, Handler handler) {
    config.addHttpHandler(method, path, handler, role);
    registered.add(new Route(method.name(), path, role));
    return this;
  }

  public Routes ws(String path, Role role, Consumer<WsConfig> ws) {
    config.ws(path, ws, role);
    registered.add(new Route("WS", path, role));
    return this;
  }

  /** Everything registered so far. */
  public List<Route> registered() {
    return Collections.unmodifiableList(registered);
  }
}
