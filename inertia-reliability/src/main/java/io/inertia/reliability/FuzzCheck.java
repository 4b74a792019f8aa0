package io.inertia.reliability;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the fuzzed requests on a few kept-alive connections (HEAD and framing-breaking ones on connections of their
 * own) and holds when every reply is below 500, every error reply is a JSON envelope whose code is the status,
 * every other reply with a body is JSON (the health route's empty 200 is the one reply without a body), and no HEAD
 * reply carries a body. A request that gets no reply at all also counts against it.
 */
public final class FuzzCheck {
  private static final int WORKERS = 6;
  private static final int TIMEOUT_MS = 10_000;

  private final Api api;
  private final Table table;
  private final int count;
  private final long seed;
  private final long budgetMs;

  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger noReply = new AtomicInteger();
  private final AtomicInteger serverErrors = new AtomicInteger();
  private final AtomicInteger notEnvelope = new AtomicInteger();
  private final AtomicInteger headBody = new AtomicInteger();
  private final AtomicInteger retried = new AtomicInteger();
  private final Map<String, Integer> statuses = new TreeMap<>();
  private final Map<String, String> examples = new TreeMap<>();

  public FuzzCheck(Api api, Table table, int count, long seed, long budgetMs) {
    this.api = api;
    this.table = table;
    this.count = count;
    this.seed = seed;
    this.budgetMs = budgetMs;
  }

  public void run() throws InterruptedException {
    FuzzRequests gen = new FuzzRequests(seed);
    long deadline = System.currentTimeMillis() + budgetMs;
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    AtomicInteger left = new AtomicInteger(count);
    for (int w = 0; w < WORKERS; w++) {
      pool.execute(() -> worker(gen, left, deadline));
    }
    pool.shutdown();
    pool.awaitTermination(budgetMs + 30_000, TimeUnit.MILLISECONDS);
    pool.shutdownNow();
    long ms = (System.nanoTime() - start) / 1_000_000;
    int bad = noReply.get() + serverErrors.get() + notEnvelope.get() + headBody.get();
    boolean held = sent.get() >= count && bad == 0;
    String figure;
    synchronized (statuses) {
      figure = sent.get() + " sent in " + ms / 1000 + " s; 5xx " + serverErrors.get() + ", not an envelope "
          + notEnvelope.get() + ", HEAD with body " + headBody.get() + ", no reply " + noReply.get()
          + " (transport errors retried once: " + retried.get() + "); statuses " + statuses
          + (examples.isEmpty() ? "" : "; e.g. " + String.join(" | ", examples.values()));
    }
    table.add("fuzzed requests (webhook + API)", count + " requests, seed " + seed, held, figure);
  }

  private void worker(FuzzRequests gen, AtomicInteger left, long deadline) {
    Http.Conn kept = null;
    try {
      while (left.getAndDecrement() > 0 && System.currentTimeMillis() < deadline) {
        FuzzRequests.Req req = gen.next();
        sent.incrementAndGet();
        if (req.alone()) {
          alone(req, true);
          continue;
        }
        try {
          if (kept == null) {
            kept = Http.Conn.open(api.target(), TIMEOUT_MS);
          }
          Http.Response r;
          try {
            r = kept.exchange(req.bytes(), false);
          } catch (IOException stale) {
            // the server may close a kept connection between requests: one retry on a fresh one
            kept.close();
            kept = Http.Conn.open(api.target(), TIMEOUT_MS);
            r = kept.exchange(req.bytes(), false);
          }
          judge(req, r);
          String conn = r.header("connection");
          if (conn != null && conn.toLowerCase(java.util.Locale.ROOT).contains("close")) {
            kept.close();
            kept = null;
          }
        } catch (IOException | RuntimeException e) {
          alone(req, false);
          if (kept != null) {
            kept.close();
            kept = null;
          }
        }
      }
    } finally {
      if (kept != null) {
        kept.close();
      }
    }
  }

  /**
   * Sends {@code req} on a connection of its own. A transport error (reset, broken pipe) is tried once more on a new
   * connection before it counts as a request without a reply: a daemon that never answers it fails both times.
   */
  private void alone(FuzzRequests.Req req, boolean retry) {
    try (Http.Conn c = Http.Conn.open(api.target(), TIMEOUT_MS)) {
      try {
        c.write(req.bytes());
      } catch (IOException refusedEarly) {
        // the server may have answered and closed before the whole request was sent: read what it said
      }
      judge(req, c.read(req.head()));
    } catch (java.net.SocketTimeoutException e) {
      missing(req, e);
    } catch (IOException | RuntimeException e) {
      if (retry) {
        retried.incrementAndGet();
        alone(req, false);
      } else {
        missing(req, e);
      }
    }
  }

  private void judge(FuzzRequests.Req req, Http.Response r) {
    synchronized (statuses) {
      statuses.merge(Integer.toString(r.status()), 1, Integer::sum);
    }
    String why = null;
    if (r.status() >= 500) {
      serverErrors.incrementAndGet();
      why = "5xx";
    } else if (req.head()) {
      if (r.trailing() > 0) {
        headBody.incrementAndGet();
        why = "HEAD body " + r.trailing() + " B";
      }
    } else if (r.status() >= 400 ? !Api.envelope(r) : (r.body().length > 0 && !r.jsonType())) {
      notEnvelope.incrementAndGet();
      why = "not an envelope (type " + r.header("content-type") + ", " + r.body().length + " B)";
    }
    if (why != null) {
      example(why.replaceAll(" .*", ""), req, r.status() + " " + why);
    }
  }

  private void missing(FuzzRequests.Req req, Exception e) {
    noReply.incrementAndGet();
    synchronized (statuses) {
      statuses.merge("none", 1, Integer::sum);
    }
    example("none", req, "no reply: " + e.getClass().getSimpleName());
  }

  /** Keeps the first two examples of each kind of failure. */
  private void example(String kind, FuzzRequests.Req req, String what) {
    synchronized (statuses) {
      String key = examples.containsKey(kind + "1") ? kind + "2" : kind + "1";
      if (!examples.containsKey(key)) {
        String line = new String(req.bytes(), 0, Math.min(req.bytes().length, 200),
            java.nio.charset.StandardCharsets.ISO_8859_1);
        int eol = line.indexOf('\r');
        examples.put(key, Http.clip(eol > 0 ? line.substring(0, eol) : "(" + req.kind() + ")") + " -> " + what);
      }
    }
  }
}
