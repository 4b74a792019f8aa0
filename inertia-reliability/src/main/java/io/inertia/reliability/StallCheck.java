package io.inertia.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slow-body attack: connections send the headers of {@code POST /webhook} or {@code POST /user/login}, a few bytes of
 * the body, and then nothing; a connection the server cuts off is opened again at once, so the attack keeps its size
 * for the whole hold. While it lasts, plain requests ({@code GET /} and an authenticated {@code GET /status}, each on
 * a new connection) must answer within a second. Separately: each first stalled connection must be cut off with a
 * 4xx reply while held (bodies have a read deadline).
 */
public final class StallCheck {
  private static final long PLAIN_LIMIT_MS = 1000;

  private final Api api;
  private final Table table;
  private final String token;
  private final int connections;
  private final int holdSeconds;

  private final Set<Http.Conn> held = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> firstReplies = Collections.synchronizedMap(new TreeMap<>());
  private final List<Long> firstCutMs = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger reopened = new AtomicInteger();
  private final AtomicInteger openFailures = new AtomicInteger();
  private volatile boolean closing;
  private long start;

  public StallCheck(Api api, Table table, String token, int connections, int holdSeconds) {
    this.api = api;
    this.table = table;
    this.token = token;
    this.connections = connections;
    this.holdSeconds = holdSeconds;
  }

  public void run() throws InterruptedException {
    start = System.nanoTime();
    CountDownLatch opened = new CountDownLatch(connections);
    ExecutorService slots = Executors.newFixedThreadPool(connections);
    for (int i = 0; i < connections; i++) {
      String path = i % 2 == 0 ? "/webhook" : "/user/login";
      slots.execute(() -> slot(path, opened));
    }
    opened.await(20, TimeUnit.SECONDS);
    long openMs = (System.nanoTime() - start) / 1_000_000;
    int openAtStart = held.size();

    List<Long> plain = new ArrayList<>();
    int plainFailures = 0;
    String failure = "";
    long holdEnd = System.nanoTime() + holdSeconds * 1_000_000_000L;
    int n = 0;
    while (System.nanoTime() < holdEnd) {
      long t0 = System.nanoTime();
      Http.Response r = n++ % 2 == 0 ? api.get("/", null) : api.get("/status", token);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      plain.add(ms);
      if (r.status() != 200) {
        plainFailures++;
        failure = Api.brief(r);
      }
      Daemon.sleep(Math.max(0, 500 - ms));
    }
    long endMs = (holdEnd - start) / 1_000_000;
    closing = true;
    held.forEach(Http.Conn::close);
    slots.shutdownNow();
    slots.awaitTermination(20, TimeUnit.SECONDS);
    held.forEach(Http.Conn::close);

    Collections.sort(plain);
    long max = plain.isEmpty() ? -1 : plain.get(plain.size() - 1);
    long p50 = plain.isEmpty() ? -1 : plain.get(plain.size() / 2);
    String tried = connections + " stalled bodies held " + holdSeconds + " s";
    table.add("stalled bodies: plain requests", tried,
        !plain.isEmpty() && max <= PLAIN_LIMIT_MS && plainFailures == 0,
        plain.size() + " plain requests: p50 " + p50 + " ms, max " + max + " ms (limit " + PLAIN_LIMIT_MS + ")"
            + (plainFailures > 0 ? ", " + plainFailures + " failed (" + failure + ")" : "")
            + "; " + openAtStart + " stalled connections open after " + openMs + " ms, " + reopened.get()
            + " reopened after a cut-off, " + openFailures.get() + " failed to open");
    long cut;
    long first;
    synchronized (firstCutMs) {
      cut = firstCutMs.stream().filter(ms -> ms <= endMs).count();
      first = firstCutMs.stream().mapToLong(Long::longValue).min().orElse(-1);
    }
    synchronized (firstReplies) {
      int fourxx = firstReplies.entrySet().stream()
          .filter(e -> e.getKey().matches("4\\d\\d")).mapToInt(Map.Entry::getValue).sum();
      table.add("stalled bodies: cut off with 4xx", tried, cut >= connections && fourxx >= connections,
          cut + "/" + connections + " answered while held " + firstReplies
              + (first >= 0 ? ", first after " + first / 1000 + " s" : ""));
    }
  }

  /** One attacker slot: a stalled connection, opened again whenever the server cuts it off, until closing. */
  private void slot(String path, CountDownLatch opened) {
    boolean first = true;
    while (!closing) {
      Http.Conn c;
      try {
        c = Http.Conn.open(api.target(), 10_000);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "X-GitHub-Event: push\r\nX-GitHub-Delivery: stall-" + System.nanoTime() + "\r\n"
            // A well-formed signature: the daemon must read the body to check it (without one it answers at once).
            + (path.equals("/webhook") ? "X-Hub-Signature-256: sha256=" + "ab".repeat(32) + "\r\n" : "")
            + "Content-Length: 100000\r\n\r\n{\"ref\":";
        c.write(head.getBytes(StandardCharsets.US_ASCII));
        c.timeout((holdSeconds + 30) * 1000);
      } catch (IOException | RuntimeException e) {
        openFailures.incrementAndGet();
        if (first) {
          opened.countDown();
          first = false;
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException stop) {
          return;
        }
        continue;
      }
      held.add(c);
      if (closing) {
        c.close();
        return;
      }
      if (first) {
        opened.countDown();
      } else {
        reopened.incrementAndGet();
      }
      String outcome;
      try {
        outcome = Integer.toString(c.read(false).status());
      } catch (IOException | RuntimeException e) {
        outcome = closing ? null : "closed without reply";
      }
      held.remove(c);
      c.close();
      if (first && outcome != null) {
        firstReplies.merge(outcome, 1, Integer::sum);
        firstCutMs.add((System.nanoTime() - start) / 1_000_000);
      }
      first = false;
    }
  }
}
