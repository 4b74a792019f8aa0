package io.inertia.daemon.http;

import io.javalin.security.RouteRole;

/** Auth class of a route (docs/original.md#authentication); the gate in {@link DaemonServer} enforces it before the handler runs. */
public enum Role implements RouteRole {
  /** No token needed. */
  PUBLIC,
  /** Any valid token (user session or master). */
  USER,
  /** A valid token of an admin user. */
  ADMIN,
  /** Like USER, except {@code ?badge=true} is public when the operator set {@code INERTIA_PUBLIC_BADGE=true}. */
  USER_OR_PUBLIC_BADGE
}
