package io.inertia.daemon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Users (table {@code users}) and their hashed single-use TOTP backup codes (table {@code totp_backup_codes}).
 * Thread-safe through {@link Database}.
 */
public final class SqliteUserStore {
  /** One row of {@code users}; {@code passwordHash} is empty for {@code master}, {@code totpSecret} empty when off. */
  public record UserRecord(String username, String passwordHash, boolean admin, int loginAttempts, String totpSecret) {
    public boolean totpEnabled() {
      return totpSecret != null && !totpSecret.isEmpty();
    }
  }

  private final Database db;

  public SqliteUserStore(Database db) {
    this.db = db;
    db.migrate(
        "users",
        List.of(
            "CREATE TABLE users (username TEXT PRIMARY KEY, password_hash TEXT NOT NULL, admin INTEGER NOT NULL,"
                + " login_attempts INTEGER NOT NULL DEFAULT 0, totp_secret TEXT NOT NULL DEFAULT '',"
                + " created_at INTEGER NOT NULL)",
            "CREATE TABLE totp_backup_codes (username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,"
                + " code_hash TEXT NOT NULL, PRIMARY KEY (username, code_hash))"));
  }

  public Optional<UserRecord> find(String username) {
    return db.read(
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT username, password_hash, admin, login_attempts, totp_secret FROM users WHERE username = ?")) {
            q.setString(1, username);
            try (ResultSet rs = q.executeQuery()) {
              return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
          }
        });
  }

  /** Inserts a user; returns false when the name is taken (nothing changes then). */
  public boolean insert(String username, String passwordHash, boolean admin, long createdAtMillis) {
    return db.read(
        c -> {
          try (PreparedStatement u =
              c.prepareStatement(
                  "INSERT INTO users(username, password_hash, admin, created_at) VALUES (?, ?, ?, ?)"
                      + " ON CONFLICT(username) DO NOTHING")) {
            u.setString(1, username);
            u.setString(2, passwordHash);
            u.setInt(3, admin ? 1 : 0);
            u.setLong(4, createdAtMillis);
            return u.executeUpdate() == 1;
          }
        });
  }

  /** Writes the {@code master} row (admin, no password) unless present. */
  public void ensureMaster(long nowMillis) {
    insert("master", "", true, nowMillis);
    db.read(c -> update(c, "UPDATE users SET admin = 1, password_hash = '' WHERE username = 'master'"));
  }

  public boolean delete(String username) {
    return db.read(
        c -> {
          try (PreparedStatement d = c.prepareStatement("DELETE FROM totp_backup_codes WHERE username = ?")) {
            d.setString(1, username);
            d.executeUpdate();
          }
          try (PreparedStatement u = c.prepareStatement("DELETE FROM users WHERE username = ?")) {
            u.setString(1, username);
            return u.executeUpdate() == 1;
          }
        });
  }

  /** Deletes every user except {@code master}. */
  public void deleteAllButMaster() {
    db.transaction(
        c -> {
          update(c, "DELETE FROM totp_backup_codes WHERE username <> 'master'");
          return update(c, "DELETE FROM users WHERE username <> 'master'");
        });
  }

  /** User names in alphabetical order, without {@code master}. */
  public List<String> namesWithoutMaster() {
    return db.read(
        c -> {
          List<String> names = new ArrayList<>();
          try (PreparedStatement q =
                  c.prepareStatement("SELECT username FROM users WHERE username <> 'master' ORDER BY username");
              ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
              names.add(rs.getString(1));
            }
          }
          return names;
        });
  }

  public void setLoginAttempts(String username, int attempts) {
    db.read(
        c -> {
          try (PreparedStatement u = c.prepareStatement("UPDATE users SET login_attempts = ? WHERE username = ?")) {
            u.setInt(1, attempts);
            u.setString(2, username);
            return u.executeUpdate();
          }
        });
  }

  /** Sets the TOTP secret and replaces the backup codes ({@code secret} empty and no codes = TOTP off). */
  public void setTotp(String username, String secret, List<String> backupCodeHashes) {
    db.transaction(
        c -> {
          try (PreparedStatement u = c.prepareStatement("UPDATE users SET totp_secret = ? WHERE username = ?")) {
            u.setString(1, secret);
            u.setString(2, username);
            u.executeUpdate();
          }
          try (PreparedStatement d = c.prepareStatement("DELETE FROM totp_backup_codes WHERE username = ?")) {
            d.setString(1, username);
            d.executeUpdate();
          }
          try (PreparedStatement i =
              c.prepareStatement("INSERT OR IGNORE INTO totp_backup_codes(username, code_hash) VALUES (?, ?)")) {
            for (String h : backupCodeHashes) {
              i.setString(1, username);
              i.setString(2, h);
              i.executeUpdate();
            }
          }
          return null;
        });
  }

  /** Deletes the backup code with this hash; true if it existed (so each code works once). */
  public boolean consumeBackupCode(String username, String codeHash) {
    return db.read(
        c -> {
          try (PreparedStatement d =
              c.prepareStatement("DELETE FROM totp_backup_codes WHERE username = ? AND code_hash = ?")) {
            d.setString(1, username);
            d.setString(2, codeHash);
            return d.executeUpdate() == 1;
          }
        });
  }

  private static int update(Connection c, String sql) throws SQLException {
    try (PreparedStatement u = c.prepareStatement(sql)) {
      return u.executeUpdate();
    }
  }

  private static UserRecord row(ResultSet rs) throws SQLException {
    return new UserRecord(rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getInt(4), rs.getString(5));
  }
}
