package io.inertia.cli.command;

import io.inertia.cli.output.QrCodes;
import io.inertia.common.api.TotpSecret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code inertia <remote> user totp enable <user>}: enables TOTP and shows the QR code of the
 * {@code otpauth://} URI, the secret and the backup codes, as the original does.
 */
@Command(name = "enable", description = "Enable TOTP for a user")
public final class TotpEnableCommand extends RemoteBaseCommand {
  @Parameters(index = "0", paramLabel = "USER", description = "the user to protect with 2FA (asks for the password)") String user;

  @Override
  protected Integer run() {
    String password = console().password("Password: ");
    TotpSecret totp = client().totpEnable(user, password);
    console().println("2FA has been enabled!");
    String uri = "otpauth://totp/" + URLEncoder.encode(user, StandardCharsets.UTF_8).replace("+", "%20")
        + "?secret=" + totp.secret() + "&issuer=Inertia";
    QrCodes.render(uri).forEach(console()::raw);
    console().println("Scan the QR code above with your authenticator app, or enter this URI in it:");
    console().raw("  " + uri);
    console().println("Your secret key is: " + totp.secret());
    console().println("Your backup codes are:");
    totp.backupCodes().forEach(c -> console().raw("  " + c));
    console().println(console().bold("IMPORTANT: Store these codes somewhere safe! Each backup code can be used "
        + "once, in place of an authentication code, if you lose access to your authenticator."));
    return 0;
  }
}
