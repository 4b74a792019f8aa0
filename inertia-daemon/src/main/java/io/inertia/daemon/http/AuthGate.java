package io.inertia.daemon.http;

import io.inertia.daemon.auth.Authenticator;
import io.inertia.daemon.auth.Principal;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Set;

/**
 * Enforces each route's {@link Role} before its handler (and before a WebSocket upgrade) and leaves the caller in the
 * context. Failures are {@link io.inertia.daemon.auth.AuthException}s, which the server maps to 401/403 envelopes.
 */
public final class AuthGate {
  static final String PRINCIPAL = "inertia.principal";

  private final Authenticator authenticator;
  private final boolean publicBadge;

  AuthGate(Authenticator authenticator, boolean publicBadge) {
    this.authenticator = authenticator;
    this.publicBadge = publicBadge;
  }

  /** The authenticated caller, or null on a public route. */
  public static Principal principal(Context ctx) {
    return ctx.attribute(PRINCIPAL);
  }

  void check(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    Principal p = null;
    if (roles.contains(Role.ADMIN)) {
      p = authenticator.authenticateAdmin(ctx.header("Authorization"));
    } else if (roles.contains(Role.USER)) {
      p = authenticator.authenticate(ctx.header("Authorization"));
    } else if (roles.contains(Role.USER_OR_PUBLIC_BADGE)) {
      boolean badge = "true".equalsIgnoreCase(ctx.queryParam("badge"));
      if (!(publicBadge && badge)) {
        p = authenticator.authenticate(ctx.header("Authorization"));
      }
    }
    if (p != null) {
      ctx.attribute(PRINCIPAL, p);
    }
  }
}
