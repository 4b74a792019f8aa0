package io.inertia.daemon.webhook;

import java.util.List;

/**
 * Port: where deliveries are kept so {@code GET /webhook/deliveries} can list them and delivery ids stay known across
 * daemon restarts. Implementations are thread-safe and may keep only a bounded number of recent deliveries.
 */
public interface DeliveryStore {
  /** Records one delivery. */
  void append(Delivery delivery);

  /** Up to {@code n} most recent deliveries, newest first. */
  List<Delivery> recent(int n);

  /** True when a delivery with this non-empty id was recorded as accepted (ping, deploy or ignored). */
  boolean seen(String deliveryId);
}
