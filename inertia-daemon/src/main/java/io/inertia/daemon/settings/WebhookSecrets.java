package io.inertia.daemon.settings;

import io.inertia.daemon.store.SqliteSettingsStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persisted webhook secret. Set at start from {@code inertiad run --webhook.secret-file}, {@code
 * INERTIA_WEBHOOK_SECRET_FILE}, {@code INERTIA_WEBHOOK_SECRET} or {@code --webhook.secret} (when given), updated by
 * {@code POST /up} when its body carries {@code webhook_secret}, read by the webhook verifier. Survives restarts,
 * sealed at rest with the daemon's {@link AtRestCipher} (a plain value left by an older version is sealed at start).
 * The current value is kept in memory, so a verification reads no database. Thread-safe.
 */
public final class WebhookSecrets {
  static final String KEY = "webhook_secret";
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSecrets.class);

  private final SqliteSettingsStore store;
  private final AtRestCipher cipher;
  private volatile String current;

  public WebhookSecrets(SqliteSettingsStore store, AtRestCipher cipher) {
    this.store = store;
    this.cipher = cipher;
    Optional<String> plain = store.get(KEY);
    if (plain.isPresent()) {
      store.putSealed(KEY, cipher.seal(plain.get().getBytes(StandardCharsets.UTF_8)));
      LOG.info("sealed the webhook secret stored in plain text by an older version");
    }
    this.current = load();
  }

  /** The current secret, or an empty string when none was ever set (webhooks are then rejected by the verifier). */
  public String current() {
    return current;
  }

  /** Replaces the secret; a null or blank value is ignored (an {@code up} without a secret keeps the old one). */
  public synchronized void update(String secret) {
    if (secret != null && !secret.isBlank()) {
      store.putSealed(KEY, cipher.seal(secret.getBytes(StandardCharsets.UTF_8)));
      current = secret;
    }
  }

  private String load() {
    Optional<byte[]> sealed = store.getSealed(KEY);
    if (sealed.isEmpty()) {
      return "";
    }
    try {
      return new String(cipher.open(sealed.get()), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      LOG.error(
          "the stored webhook secret cannot be decrypted with this db.key: webhooks are rejected until a secret is"
              + " set again (inertiad run --webhook.secret-file, or inertia <remote> up with a secret)");
      return "";
    }
  }
}
