package io.inertia.cli.command;

import io.inertia.common.api.TotpSecret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code inertia <remote> user totp enable <user>}. The original drew a QR code in the terminal; this
 * prints the {@code otpauth://} URI instead (most authenticator apps accept the secret typed in).
 */
@Command(name = "enable", description = "Enable TOTP for a user")
public final class TotpEnableCommand extends RemoteBaseCommand {
  @Parameters(index = "0", paramLabel = "user") String user;

  @Override
  protected Integer run() {
    String password = console().password("Password: ");
    TotpSecret totp = client().totpEnable(user, password);
    console().println("2FA has been enabled!");
    String uri = "otpauth://totp/" + URLEncoder.encode(user, StandardCharsets.UTF_8).replace("+", "%20")
        + "?secret=" + totp.secret() + "&issuer=Inertia";
    console().println("Add this account to your authenticator app (or make a QR code of the URI):");
    console().raw("  " + uri);
    console().println("Your secret key is: " + totp.secret());
    console().println("Your backup codes are:");
    totp.backupCodes().forEach(c -> console().raw("  " + c));
    console().println(console().bold("IMPORTANT: Store these codes somewhere safe! Each backup code can be used "
        + "once, in place of an authentication code, if you lose access to your authenticator."));
    return 0;
  }
}
