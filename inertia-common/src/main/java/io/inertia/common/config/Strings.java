package io.inertia.common.config;

import java.util.Locale;

/** Small string helpers shared by the records of this package. */
final class Strings {
  private Strings() {}

  /** Go strings are never nil: a missing value is the empty string. */
  static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /**
   * Parses a boolean like Go's {@code strconv.ParseBool}, case-insensitively: {@code 1 t true} and
   * {@code 0 f false}.
   *
   * @throws IllegalArgumentException for anything else
   */
  static boolean parseBool(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "1", "t", "true":
        return true;
      case "0", "f", "false":
        return false;
      default:
        throw new IllegalArgumentException(
            "invalid boolean '" + value + "': use true or false");
    }
  }
}
