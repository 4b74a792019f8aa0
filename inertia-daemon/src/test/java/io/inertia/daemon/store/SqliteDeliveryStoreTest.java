package io.inertia.daemon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.daemon.webhook.Delivery;
import io.inertia.daemon.webhook.Delivery.Decision;
import java.nio.file.Path;
import java.time.Instant;
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
  void keepsOnlyTheNewestRows() {
    try (Database db = Database.inMemory()) {
      SqliteDeliveryStore store = new SqliteDeliveryStore(db, 3);
      for (int i = 0; i < 10; i++) {
        store.append(delivery("id" + i, Decision.IGNORED, i));
      }
      assertEquals(List.of("id9", "id8", "id7"), store.recent(100).stream().map(Delivery::deliveryId).toList());
      assertFalse(store.seen("id0"));
    }
  }
}
