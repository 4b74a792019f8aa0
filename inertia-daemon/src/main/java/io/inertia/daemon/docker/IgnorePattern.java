package io.inertia.daemon.docker;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code .dockerignore} pattern, matched as {@code docker build} matches it: against the path relative to the
 * context root with {@code /} separators; {@code *} and {@code ?} never cross a {@code /}; {@code **} matches any
 * number of directories (also none); {@code [...]} is a character class; {@code \} escapes the next character.
 * Patterns without wildcards match the path exactly, {@code foo/**} every path under {@code foo/}, {@code **}{@code
 * /foo} {@code foo} in any directory.
 */
final class IgnorePattern {
  private enum Type {
    EXACT,
    PREFIX,
    SUFFIX,
    REGEX
  }

  private final String cleaned;
  private final boolean exclusion;
  private final Type type;
  private final Pattern regex;

  private IgnorePattern(String cleaned, boolean exclusion, Type type, Pattern regex) {
    this.cleaned = cleaned;
    this.exclusion = exclusion;
    this.type = type;
    this.regex = regex;
  }

  /**
   * Compiles a pattern as listed (a leading {@code !} marks an exception).
   *
   * @throws IllegalArgumentException for a pattern {@code docker build} refuses too
   */
  static IgnorePattern compile(String pattern) {
    String p = GoPaths.clean(pattern.strip());
    boolean exclusion = p.startsWith("!");
    if (exclusion) {
      if (p.length() == 1) {
        throw new IllegalArgumentException("illegal exclusion pattern: \"!\"");
      }
      p = p.substring(1);
    }
    StringBuilder re = new StringBuilder("^");
    Type type = Type.EXACT;
    int n = p.length();
    for (int i = 0, k = 0; i < n; k++) {
      char c = p.charAt(i++);
      if (c == '*') {
        if (i < n && p.charAt(i) == '*') {
          i++;
          if (i < n && p.charAt(i) == '/') {
            i++;
          }
          if (i >= n) {
            if (type == Type.EXACT) {
              type = Type.PREFIX;
            } else {
              re.append(".*");
              type = Type.REGEX;
            }
          } else {
            re.append("(.*/)?");
            type = Type.REGEX;
          }
          if (k == 0) {
            type = Type.SUFFIX;
          }
        } else {
          re.append("[^/]*");
          type = Type.REGEX;
        }
      } else if (c == '?') {
        re.append("[^/]");
        type = Type.REGEX;
      } else if (".+()$".indexOf(c) >= 0) {
        re.append('\\').append(c);
      } else if (c == '\\') {
        if (i < n) {
          re.append('\\').append(p.charAt(i++));
          type = Type.REGEX;
        } else {
          re.append("\\\\");
        }
      } else if (c == '[' || c == ']') {
        re.append(c);
        type = Type.REGEX;
      } else if (c == '{' || c == '}') {
        // Literal for Go's regexp unless a valid repetition; Java's would refuse a lone brace.
        re.append('\\').append(c);
      } else {
        re.append(c);
      }
    }
    Pattern regex = null;
    if (type == Type.REGEX) {
      try {
        regex = Pattern.compile(re.append('$').toString());
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("syntax error in pattern '" + pattern + "'", e);
      }
    }
    return new IgnorePattern(p, exclusion, type, regex);
  }

  boolean exclusion() {
    return exclusion;
  }

  /** The cleaned pattern without its {@code !}. */
  String text() {
    return cleaned;
  }

  boolean matches(String path) {
    switch (type) {
      case EXACT:
        return path.equals(cleaned);
      case PREFIX:
        return path.startsWith(cleaned.substring(0, cleaned.length() - 2));
      case SUFFIX:
        String suffix = cleaned.substring(2);
        return path.endsWith(suffix) || (suffix.startsWith("/") && path.equals(suffix.substring(1)));
      default:
        return regex.matcher(path).matches();
    }
  }
}
