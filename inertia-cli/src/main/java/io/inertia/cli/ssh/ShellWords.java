package io.inertia.cli.ssh;

/** POSIX shell quoting for values placed into remote command lines. */
public final class ShellWords {
  private ShellWords() {}

  /**
   * {@code value} as one single-quoted shell word: {@code it's} becomes {@code 'it'\''s'}. Safe for
   * any content, including spaces, {@code $}, backquotes and newlines.
   */
  public static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
