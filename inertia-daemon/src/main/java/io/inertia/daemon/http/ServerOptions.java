package io.inertia.daemon.http;

import io.inertia.daemon.tls.TlsMaterial;
import java.time.Duration;

/**
 * How the server listens: {@code bindHost} (null or empty = all interfaces), {@code port} (0 = any free port), the TLS
 * pair, the host name used in request ids, the webhook body limit (JSON endpoints take at most {@link
 * Bodies#JSON_LIMIT_BYTES}), and its timeouts: {@code idleTimeout} closes a connection that sends nothing between
 * requests (or stalls in its headers); a body must keep arriving ({@code bodyIdleTimeout}) and be complete within
 * {@code bodyDeadline}, else 408; {@code handlingTimeout} is the idle timeout while a route runs (long, because a
 * streamed deploy can be quiet for minutes). {@code publicBadge}: whether {@code /status?badge=true} is public.
 */
public record ServerOptions(
    String bindHost,
    int port,
    TlsMaterial tls,
    String requestIdHost,
    long maxRequestBytes,
    Duration idleTimeout,
    Duration bodyIdleTimeout,
    Duration bodyDeadline,
    Duration handlingTimeout,
    boolean publicBadge) {
  /** The webhook body limit: GitHub sends payloads up to 25 MiB. */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 25L * 1024 * 1024;

  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_BODY_IDLE_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_BODY_DEADLINE = Duration.ofSeconds(60);
  public static final Duration DEFAULT_HANDLING_TIMEOUT = Duration.ofMinutes(10);

  public static ServerOptions defaults(String bindHost, int port, TlsMaterial tls, String requestIdHost, boolean publicBadge) {
    return new ServerOptions(
        bindHost == null || bindHost.isBlank() ? null : bindHost.trim(),
        port,
        tls,
        requestIdHost,
        DEFAULT_MAX_REQUEST_BYTES,
        DEFAULT_IDLE_TIMEOUT,
        DEFAULT_BODY_IDLE_TIMEOUT,
        DEFAULT_BODY_DEADLINE,
        DEFAULT_HANDLING_TIMEOUT,
        publicBadge);
  }

  /** The same options with other body timeouts (tests use short ones). */
  public ServerOptions withBodyTimeouts(Duration idle, Duration deadline) {
    return new ServerOptions(
        bindHost, port, tls, requestIdHost, maxRequestBytes, idleTimeout, idle, deadline, handlingTimeout, publicBadge);
  }
}
