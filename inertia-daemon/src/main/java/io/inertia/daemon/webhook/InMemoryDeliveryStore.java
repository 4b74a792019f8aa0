package io.inertia.daemon.webhook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A {@link DeliveryStore} in memory, keeping the last {@code capacity} deliveries (tests, or no database). */
public final class InMemoryDeliveryStore implements DeliveryStore {
  private final int capacity;
  private final ArrayDeque<Delivery> deliveries = new ArrayDeque<>();

  public InMemoryDeliveryStore(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  public InMemoryDeliveryStore() {
    this(DeliveryLog.DEFAULT_CAPACITY);
  }

  @Override
  public synchronized void append(Delivery delivery) {
    deliveries.addFirst(delivery);
    while (deliveries.size() > capacity) {
      deliveries.removeLast();
    }
  }

  @Override
  public synchronized List<Delivery> recent(int n) {
    List<Delivery> out = new ArrayList<>(Math.max(0, Math.min(n, deliveries.size())));
    Iterator<Delivery> it = deliveries.iterator();
    while (it.hasNext() && out.size() < n) {
      out.add(it.next());
    }
    return out;
  }

  @Override
  public synchronized boolean seen(String deliveryId) {
    if (deliveryId == null || deliveryId.isEmpty()) {
      return false;
    }
    for (Delivery d : deliveries) {
      if (d.deliveryId().equals(deliveryId) && d.decision().claimsId()) {
        return true;
      }
    }
    return false;
  }
}
