package io.inertia.daemon.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers delivery ids so a repeated delivery (a Git host retry) is ignored, and records every delivery in a
 * {@link DeliveryStore}. Recent ids are kept in a bounded in-memory set (the last {@code capacity}); the store
 * answers for older ones and for ids seen before a restart.
 *
 * <p>Thread-safe: {@link #claim} is atomic, so two concurrent copies of one delivery yield one claim.
 */
public final class DeliveryLog {
  /** How many recent delivery ids are remembered in memory. */
  public static final int DEFAULT_CAPACITY = 1000;

  private final DeliveryStore store;
  private final Map<String, Boolean> recentIds;

  public DeliveryLog(DeliveryStore store, int capacity) {
    this.store = Objects.requireNonNull(store, "store");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.recentIds =
        new LinkedHashMap<>(16, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  public DeliveryLog(DeliveryStore store) {
    this(store, DEFAULT_CAPACITY);
  }

  /**
   * Claims a verified delivery's id: true the first time, false when it was seen before (a duplicate). An empty id
   * cannot be deduplicated and is always claimed. Call it only for verified deliveries, so an unsigned request can
   * never burn a genuine id.
   */
  public synchronized boolean claim(String deliveryId) {
    if (deliveryId == null || deliveryId.isEmpty()) {
      return true;
    }
    if (recentIds.containsKey(deliveryId) || store.seen(deliveryId)) {
      return false;
    }
    recentIds.put(deliveryId, Boolean.TRUE);
    return true;
  }

  /** Stores one delivery. */
  public void record(Delivery delivery) {
    store.append(delivery);
  }

  /** Up to {@code n} recent deliveries, newest first (for {@code GET /webhook/deliveries}). */
  public List<Delivery> recent(int n) {
    return store.recent(n);
  }
}
