package io.inertia.common.config;

/**
 * A {@code project set} / {@code remote set} property that does not exist or a value of the wrong type.
 * The message is the sentence to show the user, e.g. "could not set property 'x'".
 */
public final class InvalidPropertyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The dotted property path the user gave. */
  private final String property;

  InvalidPropertyException(String property, String message, Throwable cause) {
    super(message, cause);
    this.property = property;
  }

  static InvalidPropertyException unknown(String property) {
    return new InvalidPropertyException(
        property, "could not set property '" + property + "'", null);
  }

  /** The dotted property path the user gave, e.g. {@code daemon.verify-ssl}. */
  public String property() {
    return property;
  }
}
