package io.inertia.daemon.auth;

import io.inertia.daemon.auth.AuthException.Reason;

/**
 * Turns an {@code Authorization} header into a {@link Principal} (docs/original.md#authentication): {@code Bearer <jwt>}, a valid
 * signature and expiry, an open session for user tokens, and the user's admin flag read from the database.
 * Thread-safe.
 */
public final class Authenticator {
  private final TokenService tokens;
  private final UserService users;

  public Authenticator(TokenService tokens, UserService users) {
    this.tokens = tokens;
    this.users = users;
  }

  /**
   * @throws AuthException UNAUTHENTICATED with the original's messages: "failed to read token" (detail "authorization
   *     is malformed", "token expired" or the JWT error) or "session not found"
   */
  public Principal authenticate(String authorizationHeader) {
    if (authorizationHeader == null || !authorizationHeader.startsWith("Bearer ")) {
      throw new AuthException(Reason.UNAUTHENTICATED, "failed to read token", "authorization is malformed", null);
    }
    String token = authorizationHeader.substring("Bearer ".length()).trim();
    if (token.isEmpty()) {
      throw new AuthException(Reason.UNAUTHENTICATED, "failed to read token", "authorization is malformed", null);
    }
    TokenClaims claims = tokens.verify(token);
    if (claims.master()) {
      return new Principal(Principal.MASTER, true, "", true);
    }
    if (!users.sessionActive(claims.sessionId(), claims.user())) {
      throw new AuthException(Reason.UNAUTHENTICATED, "session not found");
    }
    return new Principal(claims.user(), users.isAdmin(claims.user()), claims.sessionId(), false);
  }

  /** Like {@link #authenticate} but also requires admin rights. @throws AuthException FORBIDDEN */
  public Principal authenticateAdmin(String authorizationHeader) {
    Principal p = authenticate(authorizationHeader);
    if (!p.admin()) {
      throw new AuthException(Reason.FORBIDDEN, "admin privileges required");
    }
    return p;
  }
}
