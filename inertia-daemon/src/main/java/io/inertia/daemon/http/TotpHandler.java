package io.inertia.daemon.http;

import io.inertia.common.api.ApiPaths;
import io.inertia.common.api.TotpSecret;
import io.inertia.common.api.UserRequest;
import io.inertia.daemon.auth.UserService;

/**
 * {@code /user/totp/enable} and {@code /user/totp/disable} (docs/original.md#totp). Both act on the caller's own account:
 * a {@code username} in the body that names someone else is refused with 403.
 */
public final class TotpHandler implements RouteGroup {
  private final UserService users;

  public TotpHandler(UserService users) {
    this.users = users;
  }

  @Override
  public void register(Routes routes) {
    routes
        .post(
            ApiPaths.TOTP_ENABLE,
            Role.USER,
            ctx -> {
              UserRequest req = Bodies.read(ctx, UserRequest.class, new UserRequest(null, null, false, null));
              TotpSecret secret =
                  users.enableTotp(AuthGate.principal(ctx), req.username(), req.password(), ctx.ip());
              Responses.ok(ctx, 200, "TOTP successfully enabled", "totp", secret);
            })
        .post(
            ApiPaths.TOTP_DISABLE,
            Role.USER,
            ctx -> {
              String user = AuthGate.principal(ctx).user();
              users.disableTotp(user);
              Responses.ok(ctx, 200, "TOTP successfully disabled", "user", user);
            });
  }
}
