package io.inertia.daemon.store;

/** A database operation failed; the message names the operation and carries the driver's reason. */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
