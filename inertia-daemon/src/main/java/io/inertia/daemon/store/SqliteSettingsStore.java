package io.inertia.daemon.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

/** Named string settings of the daemon (table {@code settings}); thread-safe through {@link Database}. */
public final class SqliteSettingsStore {
  private final Database db;

  public SqliteSettingsStore(Database db) {
    this.db = db;
    db.migrate("settings", List.of("CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)"));
  }

  public Optional<String> get(String name) {
    return db.read(
        c -> {
          try (PreparedStatement q = c.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  public void put(String name, String value) {
    db.read(
        c -> {
          try (PreparedStatement u =
              c.prepareStatement(
                  "INSERT INTO settings(name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value")) {
            u.setString(1, name);
            u.setString(2, value);
            return u.executeUpdate();
          }
        });
  }
}
