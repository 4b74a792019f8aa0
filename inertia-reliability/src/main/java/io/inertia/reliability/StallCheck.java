package io.inertia.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Slow-body attack: connections send the headers of {@code POST /webhook} or {@code POST /user/login}, a few bytes of
 * the body, and then nothing. While they are held, plain requests ({@code GET /} and an authenticated {@code GET
 * /status}, each on a new connection) must answer within a second. Separately: each stalled connection must be cut
 * off with a 4xx reply while held (bodies have a read deadline).
 */
public final class StallCheck {
  private static final long PLAIN_LIMIT_MS = 1000;

  private final Api api;
  private final Table table;
  private final String token;
  private final int connections;
  private final int holdSeconds;

  public StallCheck(Api api, Table table, String token, int connections, int holdSeconds) {
    this.api = api;
    this.table = table;
    this.token = token;
    this.connections = connections;
    this.holdSeconds = holdSeconds;
  }

  public void run() throws InterruptedException {
    long start = System.nanoTime();
    List<Http.Conn> held = Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> cutOff = Collections.synchronizedMap(new TreeMap<>());
    List<Long> cutAfterMs = Collections.synchronizedList(new ArrayList<>());
    ExecutorService readers = Executors.newFixedThreadPool(connections);
    ExecutorService openers = Executors.newFixedThreadPool(16);
    int[] openFailures = {0};
    for (int i = 0; i < connections; i++) {
      String path = i % 2 == 0 ? "/webhook" : "/user/login";
      openers.execute(() -> {
        try {
          Http.Conn c = Http.Conn.open(api.target(), 10_000);
          String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "X-GitHub-Event: push\r\nX-GitHub-Delivery: stall-" + System.nanoTime() + "\r\n"
              + "Content-Length: 100000\r\n\r\n{\"ref\":";
          c.write(head.getBytes(StandardCharsets.US_ASCII));
          c.timeout((holdSeconds + 15) * 1000);
          held.add(c);
          readers.execute(() -> {
            try {
              Http.Response r = c.read(false);
              cutOff.merge(Integer.toString(r.status()), 1, Integer::sum);
              cutAfterMs.add((System.nanoTime() - start) / 1_000_000);
            } catch (IOException | RuntimeException e) {
              // closed by us at the end, or by the server without a reply
              if ((System.nanoTime() - start) / 1_000_000_000 < holdSeconds) {
                cutOff.merge("closed without reply", 1, Integer::sum);
              }
            }
          });
        } catch (IOException | RuntimeException e) {
          synchronized (openFailures) {
            openFailures[0]++;
          }
        }
      });
    }
    openers.shutdown();
    openers.awaitTermination(60, TimeUnit.SECONDS);

    List<Long> plain = new ArrayList<>();
    int plainFailures = 0;
    String failure = "";
    long holdEnd = start + holdSeconds * 1_000_000_000L;
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
    long cutBeforeEnd;
    synchronized (cutAfterMs) {
      cutBeforeEnd = cutAfterMs.stream().filter(ms -> ms <= holdSeconds * 1000L).count();
    }
    for (Http.Conn c : held.toArray(Http.Conn[]::new)) {
      c.close();
    }
    readers.shutdownNow();
    readers.awaitTermination(10, TimeUnit.SECONDS);

    Collections.sort(plain);
    long max = plain.isEmpty() ? -1 : plain.get(plain.size() - 1);
    long p50 = plain.isEmpty() ? -1 : plain.get(plain.size() / 2);
    String tried = connections + " stalled bodies held " + holdSeconds + " s";
    table.add("stalled bodies: plain requests", tried,
        !plain.isEmpty() && max <= PLAIN_LIMIT_MS && plainFailures == 0 && openFailures[0] == 0,
        plain.size() + " plain requests: p50 " + p50 + " ms, max " + max + " ms (limit " + PLAIN_LIMIT_MS + ")"
            + (plainFailures > 0 ? ", " + plainFailures + " failed (" + failure + ")" : "")
            + (openFailures[0] > 0 ? ", " + openFailures[0] + " stalled connections could not open" : ""));
    boolean allCut;
    String cutFigure;
    synchronized (cutOff) {
      int fourxx = cutOff.entrySet().stream()
          .filter(e -> e.getKey().matches("4\\d\\d")).mapToInt(Map.Entry::getValue).sum();
      allCut = cutBeforeEnd >= connections && fourxx >= connections;
      long first;
      synchronized (cutAfterMs) {
        first = cutAfterMs.stream().mapToLong(Long::longValue).min().orElse(-1);
      }
      cutFigure = cutBeforeEnd + "/" + connections + " answered while held " + cutOff
          + (first >= 0 ? ", first after " + first / 1000 + " s" : "");
    }
    table.add("stalled bodies: cut off with 4xx", tried, allCut, cutFigure);
  }
}
