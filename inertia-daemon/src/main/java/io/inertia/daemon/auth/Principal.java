package io.inertia.daemon.auth;

/**
 * The caller a valid token identifies. {@code admin} comes from the users table at request time (the token's claim is
 * informational, as in the original). The master principal has no session.
 */
public record Principal(String user, boolean admin, String sessionId, boolean master) {
  public static final String MASTER = "master";
}
