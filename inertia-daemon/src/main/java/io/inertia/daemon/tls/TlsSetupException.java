package io.inertia.daemon.tls;

/** The TLS certificate or key cannot be found, read or created. */
public final class TlsSetupException extends RuntimeException {
  public TlsSetupException(String message) {
    super(message);
  }

  public TlsSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
