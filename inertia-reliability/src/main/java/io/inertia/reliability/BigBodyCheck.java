package io.inertia.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Big bodies at once: concurrent unsigned 24 MB GitHub deliveries at {@code POST /webhook} (under GitHub's 25 MB
 * limit, so only the signature can refuse them), then concurrent 24 MB bodies at {@code POST /user/login} (over the
 * 1 MiB API limit). Holds when every one gets a 4xx JSON envelope. The client stops writing when the server answers
 * early, as a client should.
 */
public final class BigBodyCheck {
  private static final int SIZE = 24 * 1000 * 1000;

  private final Api api;
  private final Table table;
  private final int concurrent;

  public BigBodyCheck(Api api, Table table, int concurrent) {
    this.api = api;
    this.table = table;
    this.concurrent = concurrent;
  }

  public void run() throws InterruptedException {
    round("/webhook", "big unsigned webhook bodies");
    round("/user/login", "big API bodies");
  }

  private void round(String path, String check) throws InterruptedException {
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) ' ');
    ExecutorService pool = Executors.newFixedThreadPool(concurrent);
    List<Future<String>> results = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < concurrent; i++) {
      int n = i;
      results.add(pool.submit(() -> send(path, chunk, n)));
    }
    pool.shutdown();
    pool.awaitTermination(3, TimeUnit.MINUTES);
    List<String> outcomes = new ArrayList<>();
    boolean held = true;
    for (Future<String> f : results) {
      String o;
      try {
        o = f.isDone() ? f.get() : "timed out";
      } catch (Exception e) {
        o = "error " + e.getMessage();
      }
      outcomes.add(o);
      held &= o.matches("4\\d\\d envelope");
    }
    pool.shutdownNow();
    long ms = (System.nanoTime() - start) / 1_000_000;
    table.add(check, concurrent + " x 24 MB " + path + " at once", held,
        "replies " + summarize(outcomes) + " in " + ms + " ms");
  }

  private String send(String path, byte[] chunk, int n) {
    try (Http.Conn c = Http.Conn.open(api.target(), 30_000)) {
      String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "X-GitHub-Event: push\r\nX-GitHub-Delivery: big-" + n + "-" + System.nanoTime() + "\r\n"
          + "Content-Length: " + SIZE + "\r\nConnection: close\r\n\r\n";
      c.write(head.getBytes(StandardCharsets.US_ASCII));
      try {
        c.write("{\"ref\":\"".getBytes(StandardCharsets.US_ASCII));
        int sent = 8;
        while (sent < SIZE) {
          int len = Math.min(chunk.length, SIZE - sent);
          c.write(len == chunk.length ? chunk : Arrays.copyOf(chunk, len));
          sent += len;
        }
      } catch (IOException refusedEarly) {
        // the server answered and closed before the whole body was sent: read its answer
      }
      Http.Response r = c.read(false);
      return r.status() + (Api.envelope(r) ? " envelope" : " (not an envelope: " + r.header("content-type") + ")");
    } catch (IOException | RuntimeException e) {
      return "no reply (" + e.getClass().getSimpleName() + ")";
    }
  }

  static String summarize(List<String> outcomes) {
    java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
    outcomes.forEach(o -> counts.merge(o, 1, Integer::sum));
    return counts.toString();
  }
}
