package io.inertia.daemon.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The daemon's state database: one SQLite file ({@code <data dir>/inertia.db}) holding users, sessions, env vars,
 * deployment settings, releases and webhook deliveries.
 *
 * <p>Thread-safe: every access runs on one shared connection under a lock, which is plenty for a daemon that
 * serves one project. Each component owns its tables and declares them as numbered migrations through {@link
 * #migrate}; applied versions are recorded per component, so components evolve independently and a restart
 * never re-applies a migration. Deleted content is overwritten ({@code secure_delete}), so plain text that was
 * replaced does not stay readable in the file.
 */
public final class Database implements AutoCloseable {
  /** A unit of work on the connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private final Path file;

  private Database(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Opens (creating if needed) the database file; its parent directory is created too. */
  public static Database open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA foreign_keys=ON");
        s.execute("PRAGMA busy_timeout=5000");
        // Overwrite deleted and replaced content with zeros, so a secret sealed in place of its plain text (or a
        // removed user, session, variable) does not linger in free space of the file.
        s.execute("PRAGMA secure_delete=ON");
        s.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
                + "component TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (component, version))");
      }
      restrictPermissions(file);
      return new Database(file, c);
    } catch (SQLException | IOException e) {
      throw new StoreException("cannot open database " + file + ": " + e.getMessage(), e);
    }
  }

  /** Opens an in-memory database (tests). */
  public static Database inMemory() {
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE schema_migrations ("
                + "component TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (component, version))");
      }
      return new Database(null, c);
    } catch (SQLException e) {
      throw new StoreException("cannot open in-memory database: " + e.getMessage(), e);
    }
  }

  /** The database file, or null for an in-memory database. */
  public Path file() {
    return file;
  }

  /**
   * Applies the component's migrations that have not run yet. {@code statements.get(i)} is version {@code i + 1};
   * append new statements, never edit applied ones. Each migration runs in its own transaction.
   */
  public void migrate(String component, List<String> statements) {
    transaction(
        c -> {
          int applied = 0;
          try (PreparedStatement q =
              c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE component = ?")) {
            q.setString(1, component);
            try (ResultSet rs = q.executeQuery()) {
              applied = rs.next() ? rs.getInt(1) : 0;
            }
          }
          for (int v = applied + 1; v <= statements.size(); v++) {
            try (Statement s = c.createStatement()) {
              s.executeUpdate(statements.get(v - 1));
            }
            try (PreparedStatement ins =
                c.prepareStatement("INSERT INTO schema_migrations(component, version) VALUES (?, ?)")) {
              ins.setString(1, component);
              ins.setInt(2, v);
              ins.executeUpdate();
            }
          }
          return null;
        });
  }

  /** Runs {@code work} on the connection under the lock (auto-commit). */
  public <T> T read(Work<T> work) {
    lock.lock();
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException("database error: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
  public <T> T transaction(Work<T> work) {
    lock.lock();
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("database error: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close database: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private static void restrictPermissions(Path file) {
    try {
      if (Files.exists(file)) {
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      }
    } catch (UnsupportedOperationException | IOException ignored) {
      // Not a POSIX file system: nothing more to do.
    }
  }
}
