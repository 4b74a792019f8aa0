package io.inertia.reliability;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs {@code POST /up} with {@code stream: true} and reads the deploy's lines as they come; optionally kills the
 * daemon (kill -9) a given time after the first line that matches a trigger.
 */
public final class Deployer {
  /** The lines seen, whether the trigger fired, and the last line (the outcome when the deploy ended). */
  public record Run(List<String> lines, boolean triggered, String triggerLine) {
    public boolean succeeded() {
      return lines.stream().anyMatch(l -> l.startsWith("[success 201]"));
    }

    public String last() {
      return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }
  }

  private final Daemon daemon;
  private final String master;

  public Deployer(Daemon daemon, String master) {
    this.daemon = daemon;
    this.master = master;
  }

  public Run up(Object body) {
    return up(body, l -> false, 0);
  }

  /** Deploys; when a line matches {@code trigger}, waits {@code delayMs} and kills the daemon. */
  public Run up(Object body, Predicate<String> trigger, long delayMs) {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    String[] fired = {null};
    byte[] req = Http.request("POST", "/up",
        Http.headers("Authorization", "Bearer " + master, "Content-Type", "application/json"), Api.write(body), true);
    try (Http.Conn c = Http.Conn.open(daemon.target(), 15_000)) {
      c.write(req);
      c.timeout(5 * 60_000);
      int status = c.readLines(line -> {
        lines.add(line);
        if (fired[0] == null && trigger.test(line)) {
          fired[0] = line;
          Daemon.sleep(delayMs);
          daemon.kill();
        }
      });
      if (status != 200 && status != 201) {
        lines.add("(HTTP " + status + ")");
      }
    } catch (IOException | RuntimeException e) {
      lines.add("(connection ended: " + e.getClass().getSimpleName() + ")");
    }
    return new Run(List.copyOf(lines), fired[0] != null, fired[0]);
  }
}
