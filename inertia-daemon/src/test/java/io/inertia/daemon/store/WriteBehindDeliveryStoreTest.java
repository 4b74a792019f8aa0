package io.inertia.daemon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.daemon.webhook.Delivery;
import io.inertia.daemon.webhook.Delivery.Decision;
import java.nio.file.Path;
import java.time.Duration;
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

  @Test
  void aThousandRejectionsAndARestartDoNotForgetADeployedId() {
    Path file = dir.resolve("flood.db");
    Instant t0 = Instant.parse("2026-11-27T10:00:00Z");
    try (Database db = Database.open(file);
        WriteBehindDeliveryStore store = new WriteBehindDeliveryStore(new SqliteDeliveryStore(db))) {
      store.append(new Delivery("genuine", "github", "push", "app", "main", "c1", Decision.DEPLOY, "r", t0));
      for (int i = 0; i < 3000; i++) {
        store.append(
            new Delivery("x-" + i, "github", "push", "", "", null, Decision.REJECTED, "bad", t0.plusSeconds(i)));
      }
      assertTrue(store.seen("genuine"));
    }
    try (Database db = Database.open(file);
        WriteBehindDeliveryStore store = new WriteBehindDeliveryStore(new SqliteDeliveryStore(db))) {
      assertTrue(store.seen("genuine"));
      store.append(
          new Delivery("y", "github", "push", "", "", null, Decision.REJECTED, "bad", t0.plus(Duration.ofDays(6))));
      assertTrue(store.seen("genuine"), "kept 7 days");
      store.append(
          new Delivery("z", "github", "ping", "", "", null, Decision.PING, "", t0.plus(Duration.ofDays(8))));
      assertFalse(store.seen("genuine"), "dropped after the retention");
      assertTrue(store.seen("z"));
    }
  }
}
