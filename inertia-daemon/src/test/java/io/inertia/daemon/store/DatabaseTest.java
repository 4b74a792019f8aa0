package io.inertia.daemon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir Path dir;

  @Test
  void migrationsApplyOnceAndSurviveReopen() {
    Path file = dir.resolve("data/inertia.db");
    try (Database db = Database.open(file)) {
      db.migrate("t", List.of("CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT)"));
      db.read(c -> c.createStatement().executeUpdate("INSERT INTO kv VALUES ('a', '1')"));
    }
    try (Database db = Database.open(file)) {
      db.migrate("t", List.of("CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT)", "ALTER TABLE kv ADD COLUMN w TEXT"));
      String v =
          db.read(
              c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kv WHERE k = 'a'")) {
                  return rs.next() ? rs.getString(1) : null;
                }
              });
      assertEquals("1", v);
      int versions =
          db.read(
              c -> {
                try (ResultSet rs =
                    c.createStatement().executeQuery("SELECT COUNT(*) FROM schema_migrations WHERE component='t'")) {
                  rs.next();
                  return rs.getInt(1);
                }
              });
      assertEquals(2, versions);
    }
  }

  @Test
  void failedTransactionLeavesNothing() {
    try (Database db = Database.inMemory()) {
      db.migrate("t", List.of("CREATE TABLE kv (k TEXT PRIMARY KEY)"));
      assertThrows(
          StoreException.class,
          () ->
              db.transaction(
                  c -> {
                    try (PreparedStatement p = c.prepareStatement("INSERT INTO kv VALUES (?)")) {
                      p.setString(1, "x");
                      p.executeUpdate();
                      p.executeUpdate(); // duplicate key: the whole unit rolls back
                    }
                    return null;
                  }));
      int n =
          db.read(
              c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM kv")) {
                  rs.next();
                  return rs.getInt(1);
                }
              });
      assertEquals(0, n);
    }
  }
}
