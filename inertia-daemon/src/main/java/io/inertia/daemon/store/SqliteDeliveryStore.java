package io.inertia.daemon.store;

import io.inertia.daemon.webhook.Delivery;
import io.inertia.daemon.webhook.Delivery.Decision;
import io.inertia.daemon.webhook.DeliveryStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DeliveryStore} in the daemon database, table {@code webhook_deliveries}. Keeps the newest {@code capacity}
 * rows (older ones are pruned on append), so the table stays small even under a flood of rejected requests.
 * Thread-safe through {@link Database}.
 */
public final class SqliteDeliveryStore implements DeliveryStore {
  static final String COMPONENT = "webhook_deliveries";

  private static final List<String> MIGRATIONS =
      List.of(
          "CREATE TABLE webhook_deliveries ("
              + "seq INTEGER PRIMARY KEY AUTOINCREMENT, "
              + "delivery_id TEXT NOT NULL, "
              + "host TEXT NOT NULL, "
              + "event TEXT NOT NULL, "
              + "repo TEXT NOT NULL, "
              + "branch TEXT NOT NULL, "
              + "commit_id TEXT, "
              + "decision TEXT NOT NULL, "
              + "reason TEXT NOT NULL, "
              + "received_at TEXT NOT NULL)",
          "CREATE INDEX webhook_deliveries_id ON webhook_deliveries(delivery_id)");

  private final Database db;
  private final int capacity;

  public SqliteDeliveryStore(Database db, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.db = db;
    this.capacity = capacity;
    db.migrate(COMPONENT, MIGRATIONS);
  }

  public SqliteDeliveryStore(Database db) {
    this(db, 1000);
  }

  @Override
  public void append(Delivery d) {
    appendAll(List.of(d));
  }

  /** Records several deliveries in one transaction (one disk sync), in order. */
  public void appendAll(List<Delivery> deliveries) {
    if (deliveries.isEmpty()) {
      return;
    }
    db.transaction(
        c -> {
          for (Delivery d : deliveries) {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO webhook_deliveries(delivery_id, host, event, repo, branch, commit_id, decision, reason,"
                      + " received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, d.deliveryId());
            p.setString(2, d.host());
            p.setString(3, d.event());
            p.setString(4, d.repo());
            p.setString(5, d.branch());
            p.setString(6, d.commit());
            p.setString(7, d.decision().wireName());
            p.setString(8, d.reason());
            p.setString(9, d.time().toString());
            p.executeUpdate();
          }
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "DELETE FROM webhook_deliveries WHERE seq <= (SELECT MAX(seq) FROM webhook_deliveries) - ?")) {
            p.setInt(1, capacity);
            p.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public List<Delivery> recent(int n) {
    if (n <= 0) {
      return List.of();
    }
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT delivery_id, host, event, repo, branch, commit_id, decision, reason, received_at"
                      + " FROM webhook_deliveries ORDER BY seq DESC LIMIT ?")) {
            p.setInt(1, n);
            try (ResultSet rs = p.executeQuery()) {
              List<Delivery> out = new ArrayList<>();
              while (rs.next()) {
                out.add(
                    new Delivery(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        Decision.fromWireName(rs.getString(7)),
                        rs.getString(8),
                        Instant.parse(rs.getString(9))));
              }
              return out;
            }
          }
        });
  }

  @Override
  public boolean seen(String deliveryId) {
    if (deliveryId == null || deliveryId.isEmpty()) {
      return false;
    }
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT 1 FROM webhook_deliveries WHERE delivery_id = ? AND decision IN ('ping', 'deploy', 'ignored')"
                      + " LIMIT 1")) {
            p.setString(1, deliveryId);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next();
            }
          }
        });
  }
}
