package io.inertia.common.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last line of a streamed {@code POST /up} (docs/original.md#streaming): {@code [success 201] Project startup initiated!} or
 * {@code [error N] message}. The client ends the stream when it reads one.
 */
public final class StreamLines {
  private static final Pattern FINAL = Pattern.compile("^\\[(success|error) (\\d{3})\\] ?(.*)$");

  private StreamLines() {}

  public static String success(int code, String message) {
    return "[success " + code + "] " + message;
  }

  public static String error(int code, String message) {
    return "[error " + code + "] " + message;
  }

  /** The outcome a final line carries, or empty for an ordinary progress line. */
  public static Optional<Outcome> parse(String line) {
    Matcher m = FINAL.matcher(line == null ? "" : line);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Outcome(m.group(1).equals("success"), Integer.parseInt(m.group(2)), m.group(3)));
  }

  /** A parsed final line. */
  public record Outcome(boolean success, int code, String message) {}
}
