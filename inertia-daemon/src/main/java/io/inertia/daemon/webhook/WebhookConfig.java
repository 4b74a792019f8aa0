package io.inertia.daemon.webhook;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How webhooks are verified.
 *
 * @param secret supplies the daemon's current webhook secret on every call (it changes when {@code up} sends a new
 *     one); null or blank means none is configured and every signed delivery is refused
 * @param allowUnsignedBitbucket accept Bitbucket payloads that carry no signature header. The original accepted
 *     them silently; this port does so only when the operator opts in (env {@value #ALLOW_UNSIGNED_BITBUCKET_ENV})
 */
public record WebhookConfig(Supplier<String> secret, boolean allowUnsignedBitbucket) {
  /** Environment variable that lets unsigned Bitbucket deliveries through when {@code true}. */
  public static final String ALLOW_UNSIGNED_BITBUCKET_ENV = "INERTIA_BITBUCKET_ALLOW_UNSIGNED";

  public WebhookConfig {
    Objects.requireNonNull(secret, "secret supplier");
  }

  /** A fixed secret, unsigned Bitbucket deliveries refused. */
  public static WebhookConfig of(String secret) {
    return new WebhookConfig(() -> secret, false);
  }

  /** The given secret supplier; unsigned Bitbucket allowed when {@code env} sets the variable to {@code true}. */
  public static WebhookConfig fromEnvironment(Supplier<String> secret, Map<String, String> env) {
    return new WebhookConfig(secret, "true".equalsIgnoreCase(env.getOrDefault(ALLOW_UNSIGNED_BITBUCKET_ENV, "").trim()));
  }

  /** The current secret, or an empty string when none (or only whitespace) is configured. */
  String currentSecret() {
    String s = secret.get();
    return s == null || s.isBlank() ? "" : s;
  }
}
