package io.inertia.daemon.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

/** Login sessions (table {@code sessions}): a token is valid only while its session row exists and has not expired. */
public final class SqliteSessionStore {
  private final Database db;

  public SqliteSessionStore(Database db) {
    this.db = db;
    db.migrate(
        "sessions",
        List.of(
            "CREATE TABLE sessions (id TEXT PRIMARY KEY, username TEXT NOT NULL, created_at INTEGER NOT NULL,"
                + " expires_at INTEGER NOT NULL)",
            "CREATE INDEX sessions_by_user ON sessions(username)"));
  }

  /** Records a session and drops expired ones. */
  public void create(String id, String username, long nowMillis, long expiresAtMillis) {
    db.transaction(
        c -> {
          try (PreparedStatement d = c.prepareStatement("DELETE FROM sessions WHERE expires_at <= ?")) {
            d.setLong(1, nowMillis);
            d.executeUpdate();
          }
          try (PreparedStatement i =
              c.prepareStatement("INSERT INTO sessions(id, username, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
            i.setString(1, id);
            i.setString(2, username);
            i.setLong(3, nowMillis);
            i.setLong(4, expiresAtMillis);
            i.executeUpdate();
          }
          return null;
        });
  }

  /** True when session {@code id} of {@code username} exists and expires after {@code nowMillis}. */
  public boolean isActive(String id, String username, long nowMillis) {
    return db.read(
        c -> {
          try (PreparedStatement q =
              c.prepareStatement("SELECT 1 FROM sessions WHERE id = ? AND username = ? AND expires_at > ?")) {
            q.setString(1, id);
            q.setString(2, username);
            q.setLong(3, nowMillis);
            try (ResultSet rs = q.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  public boolean delete(String id) {
    return db.read(
        c -> {
          try (PreparedStatement d = c.prepareStatement("DELETE FROM sessions WHERE id = ?")) {
            d.setString(1, id);
            return d.executeUpdate() == 1;
          }
        });
  }

  public void deleteForUser(String username) {
    db.read(
        c -> {
          try (PreparedStatement d = c.prepareStatement("DELETE FROM sessions WHERE username = ?")) {
            d.setString(1, username);
            return d.executeUpdate();
          }
        });
  }

  public void deleteAll() {
    db.read(
        c -> {
          try (PreparedStatement d = c.prepareStatement("DELETE FROM sessions")) {
            return d.executeUpdate();
          }
        });
  }
}
