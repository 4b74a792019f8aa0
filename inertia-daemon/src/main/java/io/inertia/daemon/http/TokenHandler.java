package io.inertia.daemon.http;

import io.inertia.common.api.ApiPaths;
import io.inertia.daemon.auth.TokenService;

/** {@code GET /token} (admin): a master token (docs/original.md#endpoints). */
public final class TokenHandler implements RouteGroup {
  private final TokenService tokens;

  public TokenHandler(TokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  public void register(Routes routes) {
    routes.get(ApiPaths.TOKEN, Role.ADMIN, ctx -> Responses.ok(ctx, 200, "token generated", "token", tokens.masterToken()));
  }
}
