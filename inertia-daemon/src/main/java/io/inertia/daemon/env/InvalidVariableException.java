package io.inertia.daemon.env;

/** A {@code POST /env} request is invalid; the message is client-facing, {@code detail} is the {@code error} field. */
public final class InvalidVariableException extends RuntimeException {
  private final String detail;

  public InvalidVariableException(String message, String detail) {
    super(message);
    this.detail = detail;
  }

  public String detail() {
    return detail;
  }
}
