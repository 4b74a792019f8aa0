package io.inertia.common.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version {@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}, optionally written with a leading
 * {@code v}. Ordered by semver precedence (build metadata ignored; a pre-release sorts before its
 * release). {@link #toString()} prints it without the {@code v}, like the Go library the original uses.
 *
 * @param major major version
 * @param minor minor version
 * @param patch patch version
 * @param preRelease pre-release identifiers, empty for a release
 */
public record Semver(int major, int minor, int patch, String preRelease)
    implements Comparable<Semver> {
  private static final Pattern FORM =
      Pattern.compile(
          "v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

  public Semver {
    preRelease = Strings.orEmpty(preRelease);
  }

  /**
   * Parses {@code v1.2.3}, {@code 1.2.3-rc.1} and the like.
   *
   * @throws IllegalArgumentException if the text is not such a version
   */
  public static Semver parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid semantic version '" + text + "'");
    }
    try {
      return new Semver(
          Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)),
          m.group(4));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid semantic version '" + text + "'", e);
    }
  }

  @Override
  public int compareTo(Semver o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Integer.compare(patch, o.patch);
    }
    if (c != 0) {
      return c;
    }
    if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
      return Boolean.compare(preRelease.isEmpty(), o.preRelease.isEmpty());
    }
    String[] a = preRelease.split("\\.");
    String[] b = o.preRelease.split("\\.");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      boolean an = a[i].chars().allMatch(Character::isDigit);
      boolean bn = b[i].chars().allMatch(Character::isDigit);
      int d;
      if (an && bn) {
        d = new java.math.BigInteger(a[i]).compareTo(new java.math.BigInteger(b[i]));
      } else if (an || bn) {
        d = an ? -1 : 1;
      } else {
        d = a[i].compareTo(b[i]);
      }
      if (d != 0) {
        return d;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease);
  }
}
