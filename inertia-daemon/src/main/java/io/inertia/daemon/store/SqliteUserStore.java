package io.inertia.daemon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Users (table {@code users}) and their hashed single-use TOTP backup codes (table {@code totp_backup_codes}). TOTP
 * secrets are stored sealed ({@code totp_sealed}, sealed by the caller); {@code totp_secret} is the plain column of
 * older versions, emptied by {@link #sealTotp} when the caller migrates a row. {@code totp_last_step} is the last
 * accepted TOTP step, so a code works once. Thread-safe through {@link Database}.
 */
public final class SqliteUserStore {
  /**
   * One row of {@code users}; {@code passwordHash} is empty for {@code master}, {@code totpSealed} null when TOTP is
   * off, {@code totpLastStep} the last accepted TOTP step (-1 when none).
   */
  public record UserRecord(
      String username, String passwordHash, boolean admin, int loginAttempts, byte[] totpSealed, long totpLastStep) {
    public boolean totpEnabled() {
      return totpSealed != null && totpSealed.length > 0;
    }
  }

  /** A TOTP secret still stored in plain text by an older version. */
  public record PlainTotp(String username, String secret) {}

  private static final String COLUMNS =
      "username, password_hash, admin, login_attempts, totp_sealed, totp_last_step";

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
                + " code_hash TEXT NOT NULL, PRIMARY KEY (username, code_hash))",
            "ALTER TABLE users ADD COLUMN totp_sealed BLOB",
            "ALTER TABLE users ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT -1"));
  }

  public Optional<UserRecord> find(String username) {
    return db.read(
        c -> {
          try (PreparedStatement q =
              c.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE username = ?")) {
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

  /**
   * Sets the sealed TOTP secret, forgets the last used step and replaces the backup codes ({@code sealed} null and no
   * codes = TOTP off).
   */
  public void setTotp(String username, byte[] sealed, List<String> backupCodeHashes) {
    db.transaction(
        c -> {
          try (PreparedStatement u =
              c.prepareStatement(
                  "UPDATE users SET totp_sealed = ?, totp_secret = '', totp_last_step = -1 WHERE username = ?")) {
            u.setBytes(1, sealed);
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

  /** TOTP secrets an older version stored in plain text. */
  public List<PlainTotp> plainTotpSecrets() {
    return db.read(
        c -> {
          List<PlainTotp> out = new ArrayList<>();
          try (PreparedStatement q =
                  c.prepareStatement("SELECT username, totp_secret FROM users WHERE totp_secret <> ''");
              ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
              out.add(new PlainTotp(rs.getString(1), rs.getString(2)));
            }
          }
          return out;
        });
  }

  /** Replaces a plain TOTP secret by its sealed form (one statement: the plain text is gone when it commits). */
  public void sealTotp(String username, byte[] sealed) {
    db.read(
        c -> {
          try (PreparedStatement u =
              c.prepareStatement("UPDATE users SET totp_sealed = ?, totp_secret = '' WHERE username = ?")) {
            u.setBytes(1, sealed);
            u.setString(2, username);
            return u.executeUpdate();
          }
        });
  }

  /**
   * Records {@code step} as the user's last accepted TOTP step if it is newer than the recorded one; false when it is
   * not (the code was already used, possibly by a concurrent login).
   */
  public boolean useTotpStep(String username, long step) {
    return db.read(
        c -> {
          try (PreparedStatement u =
              c.prepareStatement(
                  "UPDATE users SET totp_last_step = ? WHERE username = ? AND totp_last_step < ?")) {
            u.setLong(1, step);
            u.setString(2, username);
            u.setLong(3, step);
            return u.executeUpdate() == 1;
          }
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
    return new UserRecord(
        rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getInt(4), rs.getBytes(5), rs.getLong(6));
  }
}
