package io.inertia.cli.command;

import io.inertia.cli.UsageException;
import java.util.regex.Pattern;

/**
 * Checks of remote settings at the door ({@code remote add}, {@code remote set}, {@code remote login}),
 * so a bad port or name is refused with its name instead of failing later inside a command.
 */
final class RemoteValues {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_.:\\[\\]%-]+");

  private RemoteValues() {}

  /** A remote's name: letters, digits, '-', '_' and '.', starting with a letter or digit. */
  static String name(String value) {
    if (!NAME.matcher(value).matches()) {
      throw new UsageException("'" + value + "' is not a valid remote name",
          "a remote name has letters, digits, '-', '_' and '.', and starts with a letter or digit");
    }
    return value;
  }

  /** A TCP port, 1 to 65535. */
  static String port(String setting, String value) {
    int port;
    try {
      port = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 1 || port > 65535) {
      throw new UsageException(setting + " must be a port number from 1 to 65535, not '" + value + "'", null);
    }
    return Integer.toString(port);
  }

  /** A host name or IP address (v4 or v6), without spaces or a scheme. */
  static String host(String setting, String value) {
    if (value.isBlank()) {
      throw new UsageException(setting + " is required", "pass it with --ip, e.g. --ip 203.0.113.7");
    }
    if (!HOST.matcher(value).matches()) {
      throw new UsageException("'" + value + "' is not a host name or IP address (" + setting + ")", null);
    }
    return value;
  }

  /** Checks {@code value} for {@code remote set PROPERTY}; other properties pass unchanged. */
  static String forProperty(String property, String value) {
    return switch (property) {
      case "name" -> name(value);
      case "ip" -> host("ip", value);
      case "ssh.ssh-port", "daemon.port" -> port(property, value);
      default -> value;
    };
  }
}
