package io.inertia.daemon.auth;

/**
 * An authentication or user-management request failed. {@link #reason()} tells the HTTP layer which status to send;
 * {@link #getMessage()} is the client-facing message (the original's wording where it has one), {@link #detail()} the
 * optional {@code error} field, {@link #user()} an optional {@code data.user}.
 */
public final class AuthException extends RuntimeException {
  /** Why the request failed. */
  public enum Reason {
    /** 401: no token, malformed, bad signature, expired, revoked. */
    UNAUTHENTICATED,
    /** 401: wrong user name, password, TOTP or backup code. */
    BAD_CREDENTIALS,
    /** 403: a valid token without admin rights on an admin path. */
    FORBIDDEN,
    /** 417: the user has TOTP enabled and the login carried none. */
    TOTP_REQUIRED,
    /** 429: too many failed logins; retry later. */
    THROTTLED,
    /** 400: malformed or invalid input. */
    INVALID_INPUT,
    /** 404: no such user. */
    NOT_FOUND,
    /** 409: the user exists, or TOTP is already in the requested state. */
    CONFLICT
  }

  private final Reason reason;
  private final String detail;
  private final String user;

  public AuthException(Reason reason, String message, String detail, String user) {
    super(message);
    this.reason = reason;
    this.detail = detail;
    this.user = user;
  }

  public AuthException(Reason reason, String message) {
    this(reason, message, null, null);
  }

  public Reason reason() {
    return reason;
  }

  public String detail() {
    return detail;
  }

  public String user() {
    return user;
  }
}
