/**
 * The daemon's HTTPS API: the only package that uses Javalin/Jetty. {@link io.inertia.daemon.http.DaemonServer} owns
 * TLS, the auth gate, envelopes and error mapping; endpoint groups plug in as {@link io.inertia.daemon.http.RouteGroup}s.
 */
package io.inertia.daemon.http;
