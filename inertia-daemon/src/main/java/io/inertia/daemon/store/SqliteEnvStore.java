package io.inertia.daemon.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Environment variables (table {@code env_vars}): name, sealed value bytes, and whether the value is secret (shown as
 * {@code [ENCRYPTED]}). Thread-safe through {@link Database}.
 */
public final class SqliteEnvStore {
  /** One row: {@code sealed} is nonce + ciphertext + tag. */
  public record EnvRow(String name, byte[] sealed, boolean secret) {}

  private final Database db;

  public SqliteEnvStore(Database db) {
    this.db = db;
    db.migrate(
        "env",
        List.of("CREATE TABLE env_vars (name TEXT PRIMARY KEY, sealed BLOB NOT NULL, secret INTEGER NOT NULL)"));
  }

  public void put(String name, byte[] sealed, boolean secret) {
    db.read(
        c -> {
          try (PreparedStatement u =
              c.prepareStatement(
                  "INSERT INTO env_vars(name, sealed, secret) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET"
                      + " sealed = excluded.sealed, secret = excluded.secret")) {
            u.setString(1, name);
            u.setBytes(2, sealed);
            u.setInt(3, secret ? 1 : 0);
            return u.executeUpdate();
          }
        });
  }

  public void delete(String name) {
    db.read(
        c -> {
          try (PreparedStatement d = c.prepareStatement("DELETE FROM env_vars WHERE name = ?")) {
            d.setString(1, name);
            return d.executeUpdate();
          }
        });
  }

  public void deleteAll() {
    db.read(
        c -> {
          try (PreparedStatement d = c.prepareStatement("DELETE FROM env_vars")) {
            return d.executeUpdate();
          }
        });
  }

  /** All rows, ordered by name. */
  public List<EnvRow> all() {
    return db.read(
        c -> {
          List<EnvRow> rows = new ArrayList<>();
          try (PreparedStatement q = c.prepareStatement("SELECT name, sealed, secret FROM env_vars ORDER BY name");
              ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
              rows.add(new EnvRow(rs.getString(1), rs.getBytes(2), rs.getInt(3) == 1));
            }
          }
          return rows;
        });
  }
}
