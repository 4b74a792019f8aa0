package io.inertia.daemon.http;

import io.inertia.common.api.ApiPaths;
import io.inertia.common.api.EnvRequest;
import io.inertia.daemon.env.EnvironmentService;

/** {@code GET /env} and {@code POST /env} (docs/original.md#endpoints, #environment-variables). */
public final class EnvHandler implements RouteGroup {
  private final EnvironmentService env;

  public EnvHandler(EnvironmentService env) {
    this.env = env;
  }

  @Override
  public void register(Routes routes) {
    routes
        .get(
            ApiPaths.ENV,
            Role.ADMIN,
            ctx -> Responses.ok(ctx, 200, "configured environment variables retrieved", "variables", env.listing()))
        .post(
            ApiPaths.ENV,
            Role.ADMIN,
            ctx -> {
              EnvRequest req = Bodies.read(ctx, EnvRequest.class, new EnvRequest(null, null, false, false));
              if (req.remove()) {
                env.remove(req.name());
              } else {
                env.set(req.name(), req.value(), req.encrypt());
              }
              Responses.ok(
                  ctx,
                  202,
                  "environment variable updated - this will be applied the next time your container is started",
                  "variable",
                  req.name());
            });
  }
}
