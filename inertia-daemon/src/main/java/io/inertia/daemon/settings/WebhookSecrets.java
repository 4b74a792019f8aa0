package io.inertia.daemon.settings;

import io.inertia.daemon.store.SqliteSettingsStore;

/**
 * The persisted webhook secret. Set at start by {@code inertiad run --webhook.secret} or {@code
 * INERTIA_WEBHOOK_SECRET} (when given), updated by {@code POST /up} when its body carries {@code webhook_secret}, read
 * by the webhook verifier. Survives restarts. Thread-safe.
 */
public final class WebhookSecrets {
  static final String KEY = "webhook_secret";
  private final SqliteSettingsStore store;

  public WebhookSecrets(SqliteSettingsStore store) {
    this.store = store;
  }

  /** The current secret, or an empty string when none was ever set (webhooks are then rejected by the verifier). */
  public String current() {
    return store.get(KEY).orElse("");
  }

  /** Replaces the secret; a null or blank value is ignored (an {@code up} without a secret keeps the old one). */
  public void update(String secret) {
    if (secret != null && !secret.isBlank()) {
      store.put(KEY, secret);
    }
  }
}
