package io.inertia.daemon.http;

import io.inertia.daemon.tls.TlsMaterial;
import java.time.Duration;

/**
 * How the server listens: {@code bindHost} (null = all interfaces), {@code port} (0 = any free port), the TLS pair,
 * the host name used in request ids, the request body limit, the connector idle timeout (long, because streamed
 * deploys can be quiet for minutes) and whether {@code /status?badge=true} is public.
 */
public record ServerOptions(
    String bindHost,
    int port,
    TlsMaterial tls,
    String requestIdHost,
    long maxRequestBytes,
    Duration idleTimeout,
    boolean publicBadge) {
  /** The connector-wide cap: large enough for a webhook payload (GitHub sends up to 25 MiB). */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 25L * 1024 * 1024;
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);

  public static ServerOptions defaults(String bindHost, int port, TlsMaterial tls, String requestIdHost, boolean publicBadge) {
    return new ServerOptions(
        bindHost, port, tls, requestIdHost, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_IDLE_TIMEOUT, publicBadge);
  }
}
