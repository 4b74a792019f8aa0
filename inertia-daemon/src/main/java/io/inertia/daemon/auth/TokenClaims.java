package io.inertia.daemon.auth;

import java.time.Instant;

/** The verified claims of a daemon JWT; {@code expiry} is null for the master token. */
public record TokenClaims(String sessionId, String user, boolean admin, Instant expiry) {
  /** True for the master token: user {@code master}, no session. */
  public boolean master() {
    return Principal.MASTER.equals(user) && (sessionId == null || sessionId.isEmpty());
  }
}
