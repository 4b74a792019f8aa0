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

class WriteBehindDeliveryStoreTest {
  @TempDir Path dir;

  private static Delivery delivery(String id, Decision decision) {
    return new Delivery(id, "github", "push", "app", "main", "c1", decision, "r", Instant.parse("2026-11-27T10:00:00Z"));
  }

  @Test
  void seenAtOnceListedAfterTheWriteAndKnownAfterARestart() {
    Path file = dir.resolve("d.db");
    try (Database db = Database.open(file);
        WriteBehindDeliveryStore store = new WriteBehindDeliveryStore(new SqliteDeliveryStore(db))) {
      for (int i = 0; i < 50; i++) {
        store.append(delivery("id-" + i, Decision.DEPLOY));
      }
      store.append(delivery("bad", Decision.REJECTED));
      assertTrue(store.seen("id-49"));
      assertFalse(store.seen("bad"));
      List<Delivery> recent = store.recent(100);
      assertEquals(51, recent.size());
      assertEquals("bad", recent.get(0).deliveryId());
    }
    try (Database db = Database.open(file);
        WriteBehindDeliveryStore store = new WriteBehindDeliveryStore(new SqliteDeliveryStore(db))) {
      assertTrue(store.seen("id-0"));
      assertFalse(store.seen("bad"));
      assertFalse(store.seen("never"));
    }
  }
}
