package io.inertia.cli.daemon;

/** {@code POST /user/login} answered 417: the user has TOTP enabled and a code is needed. */
public final class TotpRequiredException extends DaemonException {
  private static final long serialVersionUID = 1L;

  public TotpRequiredException(String message) {
    super(message, 417, null, null);
  }
}
