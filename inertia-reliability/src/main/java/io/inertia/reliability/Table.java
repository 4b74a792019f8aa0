package io.inertia.reliability;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The suite's one result table: check, what was tried, whether it held, and the figure seen. Thread-safe. */
public final class Table {
  /** One row; {@code held} false also for a check that could not run. */
  public record Row(String check, String tried, boolean held, String figure) {}

  private final List<Row> rows = new ArrayList<>();

  public synchronized void add(String check, String tried, boolean held, String figure) {
    Row row = new Row(check, tried, held, figure.replace('\n', ' '));
    rows.add(row);
    System.err.printf("[reliability] %-4s %s: %s%n", held ? "ok" : "FAIL", check, row.figure());
  }

  public synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  public synchronized boolean allHeld() {
    return !rows.isEmpty() && rows.stream().allMatch(Row::held);
  }

  public synchronized void print(PrintStream out) {
    String[] head = {"check", "tried", "held", "figure"};
    int[] w = {head[0].length(), head[1].length(), 4, head[3].length()};
    for (Row r : rows) {
      w[0] = Math.max(w[0], r.check().length());
      w[1] = Math.max(w[1], r.tried().length());
    }
    String fmt = "%-" + w[0] + "s | %-" + w[1] + "s | %-4s | %s%n";
    out.printf(fmt, (Object[]) head);
    out.println("-".repeat(w[0]) + "-+-" + "-".repeat(w[1]) + "-+------+-" + "-".repeat(20));
    for (Row r : rows) {
      out.printf(fmt, r.check(), r.tried(), r.held() ? "yes" : "NO", r.figure());
    }
    long failed = rows.stream().filter(r -> !r.held()).count();
    out.printf("%d checks, %d held, %d failed%n", rows.size(), rows.size() - failed, failed);
  }
}
