package io.inertia.cli.daemon;

import java.security.cert.CertificateException;

/** The daemon presented a certificate whose fingerprint is not the one pinned in the remote config. */
public final class CertificateMismatchException extends CertificateException {
  private static final long serialVersionUID = 1L;

  private final String expected;
  private final String actual;

  public CertificateMismatchException(String expected, String actual) {
    super("daemon certificate fingerprint " + actual + " does not match the pinned " + expected);
    this.expected = expected;
    this.actual = actual;
  }

  public String expected() {
    return expected;
  }

  public String actual() {
    return actual;
  }
}
