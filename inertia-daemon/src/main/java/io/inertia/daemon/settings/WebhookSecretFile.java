package io.inertia.daemon.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the webhook secret from a file ({@code inertiad run --webhook.secret-file}, {@code
 * INERTIA_WEBHOOK_SECRET_FILE}), so the secret never appears on a command line, where every local user can read it.
 * The file holds the secret on its first line (a trailing newline is ignored); an empty file means no secret.
 */
public final class WebhookSecretFile {
  /** Larger files are refused: a secret is a short line. */
  static final int MAX_BYTES = 4096;

  private WebhookSecretFile() {}

  /** @throws IllegalArgumentException naming the file when it cannot be read, is too large or has several lines */
  public static String read(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new IllegalArgumentException(
            "webhook secret file " + file + " is larger than " + MAX_BYTES + " bytes; it must hold one line");
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String secret = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
          : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
      if (secret.contains("\n") || secret.contains("\r")) {
        throw new IllegalArgumentException("webhook secret file " + file + " must hold the secret on one line");
      }
      return secret.trim();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read webhook secret file " + file + ": " + e.getMessage(), e);
    }
  }
}
