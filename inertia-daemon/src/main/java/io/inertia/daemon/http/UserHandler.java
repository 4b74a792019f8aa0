package io.inertia.daemon.http;

import io.inertia.common.api.ApiPaths;
import io.inertia.common.api.UserRequest;
import io.inertia.daemon.auth.AuthException;
import io.inertia.daemon.auth.Authenticator;
import io.inertia.daemon.auth.Principal;
import io.inertia.daemon.auth.UserService;

/** {@code /user/*} except TOTP (docs/original.md#endpoints, #users): login, logout, validate, add, remove, reset, list. */
public final class UserHandler implements RouteGroup {
  private static final UserRequest EMPTY = new UserRequest(null, null, false, null);
  private final UserService users;
  private final Authenticator authenticator;

  public UserHandler(UserService users, Authenticator authenticator) {
    this.users = users;
    this.authenticator = authenticator;
  }

  @Override
  public void register(Routes routes) {
    routes
        .post(
            ApiPaths.USER_LOGIN,
            Role.PUBLIC,
            ctx -> {
              UserRequest req = Bodies.read(ctx, UserRequest.class, EMPTY);
              String token = users.login(req.username(), req.password(), req.totp(), ctx.ip());
              Responses.ok(ctx, 200, "session created", "token", token);
            })
        .post(
            ApiPaths.USER_LOGOUT,
            Role.PUBLIC,
            ctx -> {
              Principal p;
              try {
                p = authenticator.authenticate(ctx.header("Authorization"));
              } catch (AuthException e) {
                throw new ApiException(401, "failed to end session", e.getMessage());
              }
              users.logout(p.sessionId());
              Responses.ok(ctx, 200, "session ended");
            })
        .get(ApiPaths.USER_VALIDATE, Role.USER, ctx -> Responses.ok(ctx, 200, "hi there!"))
        .post(
            ApiPaths.USER_ADD,
            Role.ADMIN,
            ctx -> {
              UserRequest req = Bodies.read(ctx, UserRequest.class, EMPTY);
              users.add(req.username(), req.password(), req.admin());
              Responses.ok(ctx, 201, "user succesfully added", "user", req.username());
            })
        .post(
            ApiPaths.USER_REMOVE,
            Role.ADMIN,
            ctx -> {
              UserRequest req = Bodies.read(ctx, UserRequest.class, EMPTY);
              users.remove(req.username());
              Responses.ok(ctx, 200, "user succesfully removed", "user", req.username());
            })
        .post(
            ApiPaths.USER_RESET,
            Role.ADMIN,
            ctx -> {
              users.reset();
              Responses.ok(ctx, 200, "user and session databases reset");
            })
        .get(ApiPaths.USER_LIST, Role.ADMIN, ctx -> Responses.ok(ctx, 200, "users retrieved", "users", users.list()));
  }
}
