package io.inertia.daemon.env;

import io.inertia.daemon.settings.AtRestCipher;
import io.inertia.daemon.store.SqliteEnvStore;
import io.inertia.daemon.store.SqliteEnvStore.EnvRow;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's environment variables. Every value is sealed at rest (AES-256-GCM, {@link AtRestCipher}); {@code
 * encrypt: true} only decides that listings hide it. Values that cannot be decrypted are reported, never dropped: the
 * listing shows {@code NAME=[UNREADABLE]} and {@link #valuesForDeploy()} throws. Names that would break or subvert
 * the project's containers ({@link ReservedNames}) are refused; one stored by an older version is left out of
 * deploys (and can still be removed). Changes apply on the next deploy. Thread-safe.
 */
public final class EnvironmentService {
  private static final Logger LOG = LoggerFactory.getLogger(EnvironmentService.class);
  /** A POSIX-ish variable name: what {@code docker run -e} and compose accept without surprises. */
  private static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.-]*$");

  private final SqliteEnvStore store;
  private final AtRestCipher cipher;

  public EnvironmentService(SqliteEnvStore store, AtRestCipher cipher) {
    this.store = store;
    this.cipher = cipher;
  }

  /**
   * Sets a variable.
   *
   * @throws InvalidVariableException "no variable name provided", an invalid or reserved name, or an empty value (the
   *     original: "invalid env configuration")
   */
  public void set(String name, String value, boolean secret) {
    checkName(name);
    Optional<String> reserved = ReservedNames.reason(name);
    if (reserved.isPresent()) {
      throw new InvalidVariableException(
          "reserved variable name", "'" + name + "' cannot be set: " + reserved.get());
    }
    if (value == null || value.isEmpty()) {
      throw new InvalidVariableException("failed to update variable", "invalid env configuration: empty value for " + name);
    }
    store.put(name, cipher.seal(value.getBytes(StandardCharsets.UTF_8)), secret);
  }

  /** Removes a variable; removing a missing one is fine. @throws InvalidVariableException for an empty name */
  public void remove(String name) {
    checkName(name);
    store.delete(name);
  }

  /** Removes all variables (used by {@code /reset}). */
  public void clear() {
    store.deleteAll();
  }

  /** {@code NAME=value}, {@code NAME=[ENCRYPTED]} for secret values, {@code NAME=[UNREADABLE]} when undecryptable. */
  public List<String> listing() {
    List<String> out = new ArrayList<>();
    for (EnvRow row : store.all()) {
      if (row.secret()) {
        out.add(row.name() + "=[ENCRYPTED]");
        continue;
      }
      try {
        out.add(row.name() + "=" + new String(cipher.open(row.sealed()), StandardCharsets.UTF_8));
      } catch (GeneralSecurityException e) {
        out.add(row.name() + "=[UNREADABLE]");
      }
    }
    return out;
  }

  /**
   * The decrypted variables, in name order, for the next deploy.
   *
   * @throws UnreadableVariablesException naming every variable that cannot be decrypted (for example after {@code
   *     db.key} was replaced); nothing is deleted
   */
  public Map<String, String> valuesForDeploy() {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> unreadable = new ArrayList<>();
    for (EnvRow row : store.all()) {
      if (ReservedNames.reason(row.name()).isPresent()) {
        LOG.warn("environment variable {} is reserved and left out of the deploy; remove it", row.name());
        continue;
      }
      try {
        values.put(row.name(), new String(cipher.open(row.sealed()), StandardCharsets.UTF_8));
      } catch (GeneralSecurityException e) {
        unreadable.add(row.name());
      }
    }
    if (!unreadable.isEmpty()) {
      throw new UnreadableVariablesException(unreadable);
    }
    return values;
  }

  private static void checkName(String name) {
    if (name == null || name.isEmpty()) {
      throw new InvalidVariableException("no variable name provided", null);
    }
    if (!NAME.matcher(name).matches()) {
      throw new InvalidVariableException(
          "invalid variable name",
          "'" + name + "': use letters, digits, '_', '.' and '-', not starting with a digit");
    }
  }
}
