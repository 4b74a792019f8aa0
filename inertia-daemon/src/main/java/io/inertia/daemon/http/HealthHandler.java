package io.inertia.daemon.http;

import io.inertia.common.api.ApiPaths;
import io.javalin.http.HandlerType;

/** {@code /} with any method: 200 and an empty body (docs/original.md#endpoints health check). */
public final class HealthHandler implements RouteGroup {
  @Override
  public void register(Routes routes) {
    for (HandlerType t :
        new HandlerType[] {HandlerType.GET, HandlerType.HEAD, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE}) {
      routes.add(t, ApiPaths.HEALTH, Role.PUBLIC, ctx -> ctx.status(200));
    }
  }
}
