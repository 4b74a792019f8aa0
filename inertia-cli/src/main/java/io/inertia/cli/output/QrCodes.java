package io.inertia.cli.output;

import io.nayuki.qrcodegen.QrCode;
import java.util.ArrayList;
import java.util.List;

/**
 * A QR code drawn with Unicode half blocks, two module rows per text line, as {@code qrencode -t UTF8}
 * does: light modules are printed (light text on the usual dark terminal background), with a quiet zone.
 * The original drew one for {@code user totp enable} so an authenticator app can scan it.
 */
public final class QrCodes {
  private static final int QUIET = 2;

  private QrCodes() {}

  public static List<String> render(String text) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.LOW);
    int size = qr.size + 2 * QUIET;
    List<String> lines = new ArrayList<>();
    for (int y = 0; y < size; y += 2) {
      StringBuilder sb = new StringBuilder(size);
      for (int x = 0; x < size; x++) {
        boolean top = light(qr, x - QUIET, y - QUIET);
        boolean bottom = y + 1 >= size || light(qr, x - QUIET, y + 1 - QUIET);
        sb.append(top ? (bottom ? '\u2588' : '\u2580') : (bottom ? '\u2584' : ' '));
      }
      lines.add(sb.toString());
    }
    return lines;
  }

  private static boolean light(QrCode qr, int x, int y) {
    // getModule is false (light) outside the symbol, which gives the quiet zone.
    return !qr.getModule(x, y);
  }
}
