package io.inertia.daemon.store;

import io.inertia.daemon.webhook.Delivery;
import io.inertia.daemon.webhook.Delivery.Decision;
import io.inertia.daemon.webhook.DeliveryStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DeliveryStore} in the daemon database, table {@code webhook_deliveries}. Two kinds of rows, kept apart:
 *
 * <ul>
 *   <li>deliveries whose id is claimed ({@link Decision#claimsId()}: verified and acted on) are kept for {@code
 *       retention} (default {@link #DEFAULT_RETENTION}) after the newest delivery, however many others arrive: a
 *       delivery id that deployed stays a duplicate that long. Only a sender holding the webhook secret can add them;
 *   <li>everything else (rejected, duplicate) is kept to the newest {@code otherCapacity} rows, so a flood of
 *       unsigned requests stays small and never pushes a claimed id out.
 * </ul>
 *
 * Both bounds are applied on append. Thread-safe through {@link Database}.
 */
public final class SqliteDeliveryStore implements DeliveryStore {
  static final String COMPONENT = "webhook_deliveries";
  /** How long a claimed delivery id is kept. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
  /** How many rejected and duplicate deliveries are kept. */
  public static final int DEFAULT_OTHER_CAPACITY = 1000;

  private static final String CLAIMING = "('ping', 'deploy', 'ignored', 'no_project')";

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
          "CREATE INDEX webhook_deliveries_id ON webhook_deliveries(delivery_id)",
          "ALTER TABLE webhook_deliveries ADD COLUMN claims_id INTEGER NOT NULL DEFAULT 0",
          "ALTER TABLE webhook_deliveries ADD COLUMN received_ms INTEGER NOT NULL DEFAULT 0",
          "UPDATE webhook_deliveries SET claims_id = CASE WHEN decision IN " + CLAIMING + " THEN 1 ELSE 0 END,"
              + " received_ms = CAST(strftime('%s', received_at) AS INTEGER) * 1000",
          "CREATE INDEX webhook_deliveries_kind ON webhook_deliveries(claims_id, seq)");

  private final Database db;
  private final int otherCapacity;
  private final Duration retention;

  public SqliteDeliveryStore(Database db, int otherCapacity, Duration retention) {
    if (otherCapacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + otherCapacity);
    }
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive: " + retention);
    }
    this.db = db;
    this.otherCapacity = otherCapacity;
    this.retention = retention;
    db.migrate(COMPONENT, MIGRATIONS);
  }

  public SqliteDeliveryStore(Database db) {
    this(db, DEFAULT_OTHER_CAPACITY, DEFAULT_RETENTION);
  }

  /** How long claimed ids are kept. */
  public Duration retention() {
    return retention;
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
    Instant newest = deliveries.stream().map(Delivery::time).max(Instant::compareTo).orElseThrow();
    db.transaction(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO webhook_deliveries(delivery_id, host, event, repo, branch, commit_id, decision, reason,"
                      + " received_at, claims_id, received_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Delivery d : deliveries) {
              p.setString(1, d.deliveryId());
              p.setString(2, d.host());
              p.setString(3, d.event());
              p.setString(4, d.repo());
              p.setString(5, d.branch());
              p.setString(6, d.commit());
              p.setString(7, d.decision().wireName());
              p.setString(8, d.reason());
              p.setString(9, d.time().toString());
              p.setInt(10, d.decision().claimsId() ? 1 : 0);
              p.setLong(11, d.time().toEpochMilli());
              p.executeUpdate();
            }
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "DELETE FROM webhook_deliveries WHERE claims_id = 0 AND seq <= (SELECT seq FROM webhook_deliveries"
                      + " WHERE claims_id = 0 ORDER BY seq DESC LIMIT 1 OFFSET ?)")) {
            p.setInt(1, otherCapacity);
            p.executeUpdate();
          }
          try (PreparedStatement p =
              c.prepareStatement("DELETE FROM webhook_deliveries WHERE claims_id = 1 AND received_ms < ?")) {
            p.setLong(1, newest.minus(retention).toEpochMilli());
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
    return select("ORDER BY seq DESC LIMIT ?", n);
  }

  /** Every kept delivery that claims its id, oldest first (to rebuild an in-memory index at start). */
  public List<Delivery> claiming() {
    return select("WHERE claims_id = 1 ORDER BY seq ASC LIMIT ?", Integer.MAX_VALUE);
  }

  private List<Delivery> select(String tail, int limit) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT delivery_id, host, event, repo, branch, commit_id, decision, reason, received_at"
                      + " FROM webhook_deliveries " + tail)) {
            p.setInt(1, limit);
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
              c.prepareStatement("SELECT 1 FROM webhook_deliveries WHERE delivery_id = ? AND claims_id = 1 LIMIT 1")) {
            p.setString(1, deliveryId);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next();
            }
          }
        });
  }
}
