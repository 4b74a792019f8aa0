package io.inertia.cli.command.options;

import io.inertia.cli.CliException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The daemon's opt-in settings, as flags of {@code init} and {@code upgrade}. What is given is merged
 * into the remote's {@code [remote.daemon.settings]} (so a later {@code upgrade} keeps it) and passed to
 * the daemon container as environment variables; {@code status} shows them.
 */
public final class DaemonSettingsOptions {
  public static final String BITBUCKET_ALLOW_UNSIGNED = "INERTIA_BITBUCKET_ALLOW_UNSIGNED";
  public static final String PUBLIC_BADGE = "INERTIA_PUBLIC_BADGE";
  public static final String SESSION_TTL = "INERTIA_SESSION_TTL";
  public static final String COMPOSE_IMAGE = "INERTIA_COMPOSE_IMAGE";

  private static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@-]*");
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)([smhd])");

  @Option(names = "--bitbucket.allow-unsigned", arity = "0..1", fallbackValue = "true", paramLabel = "<true|false>",
      description = "let the daemon accept unsigned Bitbucket pushes (" + BITBUCKET_ALLOW_UNSIGNED + ")")
  Boolean bitbucketAllowUnsigned;

  @Option(names = "--public-badge", arity = "0..1", fallbackValue = "true", paramLabel = "<true|false>",
      description = "serve the status badge (/status?badge=true) without a token (" + PUBLIC_BADGE + ")")
  Boolean publicBadge;

  @Option(names = "--session-ttl", paramLabel = "<duration>",
      description = "lifetime of user sessions, e.g. 2h, 90m, PT12H; 'default' for the daemon's 12 h (" + SESSION_TTL + ")")
  String sessionTtl;

  @Option(names = "--compose-image", paramLabel = "<image>",
      description = "compose runner image; 'default' for the daemon's own (" + COMPOSE_IMAGE + ")")
  String composeImage;

  /** {@code current} with the flags given applied; {@code false} and {@code default} remove a setting. */
  public Map<String, String> applyTo(Map<String, String> current) {
    Map<String, String> next = new TreeMap<>(current);
    flag(next, BITBUCKET_ALLOW_UNSIGNED, bitbucketAllowUnsigned);
    flag(next, PUBLIC_BADGE, publicBadge);
    if (sessionTtl != null) {
      set(next, SESSION_TTL, sessionTtl.equalsIgnoreCase("default") ? null : isoDuration(sessionTtl));
    }
    if (composeImage != null) {
      if (!composeImage.equalsIgnoreCase("default") && !IMAGE.matcher(composeImage).matches()) {
        throw new CliException("invalid image name '" + composeImage + "' for --compose-image",
            "perhaps you should give a name like docker:26-cli or registry.example.com/compose:2");
      }
      set(next, COMPOSE_IMAGE, composeImage.equalsIgnoreCase("default") ? null : composeImage);
    }
    return next;
  }

  /** {@code 2h}, {@code 90m}, {@code 1d}, {@code 30s} or ISO-8601 ({@code PT2H}), as ISO-8601; positive. */
  static String isoDuration(String text) {
    Duration d;
    var m = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        d = switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
      } else {
        d = Duration.parse(text.toUpperCase(Locale.ROOT));
      }
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      d = null;
    }
    if (d == null || d.isZero() || d.isNegative()) {
      throw new CliException("invalid duration '" + text + "' for --session-ttl",
          "perhaps you should give a positive duration such as 2h, 90m or PT12H");
    }
    return d.toString();
  }

  private static void flag(Map<String, String> m, String key, Boolean value) {
    if (value != null) {
      set(m, key, value ? "true" : null);
    }
  }

  private static void set(Map<String, String> m, String key, String value) {
    if (value == null) {
      m.remove(key);
    } else {
      m.put(key, value);
    }
  }
}
