package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.cli.daemon.DaemonClient;
import io.inertia.cli.daemon.DaemonException;
import io.inertia.cli.daemon.TotpRequiredException;
import io.inertia.cli.output.Console;

/**
 * The login handshake of {@code remote login} and {@code <remote> user login}: password, then on a 417
 * answer (TOTP needed) the prompt "Authentication code (or backup code): " and one retry.
 */
final class Logins {
  private Logins() {}

  static String login(DaemonClient client, Console console, String user, String totp) {
    String password = console.password("Password: ");
    if (password.isEmpty()) {
      throw new CliException("Invalid password", "perhaps you should enter the user's password");
    }
    try {
      return client.login(user, password, totp);
    } catch (TotpRequiredException e) {
      return retryWithCode(client, console, user, password);
    } catch (DaemonException e) {
      if (e.code() == 401) {
        throw new CliException(e.getMessage(),
            "perhaps you should check the user name and password (and the code, with 2FA)", e);
      }
      // The original daemon answers 400 "no TOTP provided" where the client expects 417.
      if (e.code() == 400 && e.getMessage().contains("TOTP") && (totp == null || totp.isEmpty())) {
        return retryWithCode(client, console, user, password);
      }
      throw e;
    }
  }

  private static String retryWithCode(DaemonClient client, Console console, String user, String password) {
    String code = console.prompt("Authentication code (or backup code): ");
    if (code.isEmpty()) {
      throw new CliException("no authentication code provided",
          "perhaps you should enter the code from your authenticator app, or pass --totp");
    }
    try {
      return client.login(user, password, code);
    } catch (DaemonException e) {
      if (e.code() == 401) {
        throw new CliException(e.getMessage(),
            "perhaps you should check the code (each backup code works once)", e);
      }
      throw e;
    }
  }
}
