package io.inertia.daemon.http;

import io.inertia.common.api.ApiPaths;
import io.inertia.common.api.DeploymentStatus;
import io.inertia.common.api.StatusBadge;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /status} (docs/original.md#endpoints): the envelope with {@code data.status}, or with {@code ?badge=true} a raw
 * shields.io endpoint JSON (docs/original.md#streaming), public only when the operator opted in ({@code INERTIA_PUBLIC_BADGE=true}).
 */
public final class StatusHandler implements RouteGroup {
  private static final Logger LOG = LoggerFactory.getLogger(StatusHandler.class);
  private final StatusSource source;

  public StatusHandler(StatusSource source) {
    this.source = source;
  }

  @Override
  public void register(Routes routes) {
    routes.get(ApiPaths.STATUS, Role.USER_OR_PUBLIC_BADGE, this::status);
  }

  private void status(Context ctx) throws Exception {
    boolean badge = "true".equalsIgnoreCase(ctx.queryParam("badge"));
    DeploymentStatus status;
    try {
      status = source.status();
    } catch (RuntimeException e) {
      LOG.warn("failed to get status: {}", e.getMessage());
      if (badge) {
        writeBadge(ctx, StatusBadge.of("errored", "red", true));
        return;
      }
      throw new ApiException(500, "failed to get status", e.getMessage());
    }
    if (badge) {
      writeBadge(ctx, badgeFor(status));
      return;
    }
    Responses.ok(ctx, 200, "status retrieved", "status", status);
  }

  static StatusBadge badgeFor(DeploymentStatus s) {
    if (s.buildActive()) {
      return StatusBadge.of("deploying", "yellow", false);
    }
    if (s.noDeployment()) {
      return StatusBadge.of("no project", "lightgrey", true);
    }
    if (s.containers() == null || s.containers().isEmpty()) {
      return StatusBadge.of("project offline", "grey", true);
    }
    return StatusBadge.of("deployed", "green", false);
  }

  private static void writeBadge(Context ctx, StatusBadge badge) throws Exception {
    ctx.status(200).contentType("application/json").result(Json.MAPPER.writeValueAsBytes(badge));
  }
}
