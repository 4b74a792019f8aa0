package io.inertia.daemon.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

/**
 * Named settings of the daemon (table {@code settings}): a plain text {@code value}, or a {@code sealed} value (bytes
 * sealed by the caller; the text is then empty). Thread-safe through {@link Database}.
 */
public final class SqliteSettingsStore {
  private final Database db;

  public SqliteSettingsStore(Database db) {
    this.db = db;
    db.migrate(
        "settings",
        List.of(
            "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "ALTER TABLE settings ADD COLUMN sealed BLOB"));
  }

  /** The plain text value; empty when the setting is missing, sealed or empty. */
  public Optional<String> get(String name) {
    return db.read(
        c -> {
          try (PreparedStatement q = c.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
              return rs.next() && !rs.getString(1).isEmpty() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  public void put(String name, String value) {
    write(name, value, null);
  }

  /** The sealed value, if the setting has one. */
  public Optional<byte[]> getSealed(String name) {
    return db.read(
        c -> {
          try (PreparedStatement q = c.prepareStatement("SELECT sealed FROM settings WHERE name = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
              byte[] b = rs.next() ? rs.getBytes(1) : null;
              return b == null || b.length == 0 ? Optional.empty() : Optional.of(b);
            }
          }
        });
  }

  /** Stores a sealed value; the plain text is emptied in the same statement. */
  public void putSealed(String name, byte[] sealed) {
    write(name, "", sealed);
  }

  private void write(String name, String value, byte[] sealed) {
    db.read(
        c -> {
          try (PreparedStatement u =
              c.prepareStatement(
                  "INSERT INTO settings(name, value, sealed) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET"
                      + " value = excluded.value, sealed = excluded.sealed")) {
            u.setString(1, name);
            u.setString(2, value);
            u.setBytes(3, sealed);
            return u.executeUpdate();
          }
        });
  }
}
