package io.inertia.daemon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.daemon.webhook.Delivery;
import io.inertia.daemon.webhook.Delivery.Decision;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDeliveryStoreTest {
  @TempDir Path dir;

  static Delivery delivery(String id, Decision decision, int second) {
    return new Delivery(id, "github", "push", "shop-api", "main",
        decision == Decision.DEPLOY ? "e4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3" : null, decision, "reason " + id,
        Instant.parse("2026-11-27T10:00:00Z").plusSeconds(second));
  }

  @Test
  void appendsListsNewestFirstAndSurvivesRestart() {
    Path file = dir.resolve("inertia.db");
    Delivery a = delivery("a", Decision.DEPLOY, 1);
    Delivery b = delivery("b", Decision.REJECTED, 2);
    try (Database db = Database.open(file)) {
      SqliteDeliveryStore store = new SqliteDeliveryStore(db);
      store.append(a);
      store.append(b);
    }
    try (Database db = Database.open(file)) {
      SqliteDeliveryStore store = new SqliteDeliveryStore(db);
      assertEquals(List.of(b, a), store.recent(10));
      assertEquals(List.of(b), store.recent(1));
      assertEquals(List.of(), store.recent(0));
      assertTrue(store.seen("a"));
      assertFalse(store.seen("b"), "a rejected delivery does not mark its id as handled");
      assertFalse(store.seen("zzz"));
      assertFalse(store.seen(""));
    }
  }

  @Test
  void keepsOnlyTheNewestRejectedAndDuplicateRows() {
    try (Database db = Database.inMemory()) {
      SqliteDeliveryStore store = new SqliteDeliveryStore(db, 3, Duration.ofDays(7));
      for (int i = 0; i < 10; i++) {
        store.append(delivery("id" + i, i % 2 == 0 ? Decision.REJECTED : Decision.DUPLICATE, i));
      }
      assertEquals(List.of("id9", "id8", "id7"), store.recent(100).stream().map(Delivery::deliveryId).toList());
    }
  }

  @Test
  void aClaimedIdOutlivesAFloodOfRejectionsAndARestartForTheRetention() {
    Path file = dir.resolve("flood.db");
    try (Database db = Database.open(file)) {
      SqliteDeliveryStore store = new SqliteDeliveryStore(db);
      store.append(delivery("genuine", Decision.DEPLOY, 0));
      store.append(delivery("early", Decision.NO_PROJECT, 1));
      List<Delivery> flood = new ArrayList<>();
      for (int i = 0; i < 5000; i++) {
        flood.add(delivery("forged-" + i, i % 10 == 0 ? Decision.DUPLICATE : Decision.REJECTED, 2 + i));
      }
      store.appendAll(flood);
      assertEquals(1002, store.recent(10_000).size(), "1000 rejected/duplicate rows plus the two claimed ones");
    }
    try (Database db = Database.open(file)) {
      SqliteDeliveryStore store = new SqliteDeliveryStore(db);
      assertTrue(store.seen("genuine"));
      assertTrue(store.seen("early"), "a push while no project was set up is still a handled delivery");
      assertFalse(store.seen("forged-4999"));
      assertEquals(List.of("genuine", "early"), store.claiming().stream().map(Delivery::deliveryId).toList());

      int sixDays = (int) Duration.ofDays(6).toSeconds();
      store.append(delivery("later", Decision.REJECTED, sixDays));
      assertTrue(store.seen("genuine"), "still within 7 days");
      store.append(delivery("much-later", Decision.REJECTED, (int) Duration.ofDays(7).toSeconds() + 2));
      assertFalse(store.seen("genuine"), "older than 7 days: dropped");
      assertFalse(store.seen("early"));
    }
  }

  @Test
  void rowsOfTheEarlierSchemaAreClassifiedOnUpgrade() {
    try (Database db = Database.inMemory()) {
      db.migrate(
          SqliteDeliveryStore.COMPONENT,
          List.of(
              "CREATE TABLE webhook_deliveries (seq INTEGER PRIMARY KEY AUTOINCREMENT, delivery_id TEXT NOT NULL,"
                  + " host TEXT NOT NULL, event TEXT NOT NULL, repo TEXT NOT NULL, branch TEXT NOT NULL,"
                  + " commit_id TEXT, decision TEXT NOT NULL, reason TEXT NOT NULL, received_at TEXT NOT NULL)",
              "CREATE INDEX webhook_deliveries_id ON webhook_deliveries(delivery_id)"));
      db.transaction(
          c -> {
            try (var s = c.createStatement()) {
              s.executeUpdate(
                  "INSERT INTO webhook_deliveries(delivery_id, host, event, repo, branch, decision, reason, received_at)"
                      + " VALUES ('old-deploy', 'github', 'push', 'r', 'main', 'deploy', 'x', '2026-11-27T10:00:00Z'),"
                      + " ('old-bad', 'github', 'push', 'r', 'main', 'rejected', 'x', '2026-11-27T10:00:01Z')");
            }
            return null;
          });
      SqliteDeliveryStore store = new SqliteDeliveryStore(db);
      assertTrue(store.seen("old-deploy"));
      assertFalse(store.seen("old-bad"));
      assertEquals(List.of("old-deploy"), store.claiming().stream().map(Delivery::deliveryId).toList());
      store.append(delivery("new", Decision.REJECTED, (int) Duration.ofDays(6).toSeconds()));
      assertTrue(store.seen("old-deploy"), "the upgraded row has its time: kept within the retention");
    }
  }
}
