package io.inertia.daemon.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deploy queue: one worker thread, so deploys never overlap. While a deploy runs, further requests coalesce: at
 * most one more deploy runs afterwards, for the newest request (except that a webhook push does not replace a queued
 * user {@code up}, which deploys the branch head anyway), and every caller waiting for it gets its lines and outcome.
 *
 * <p>Every caller always gets an outcome: a deploy that throws anything, {@link Error}s such as {@link
 * OutOfMemoryError} included, ends as a 500 outcome naming the failure, and the worker goes on with the next request.
 * Thread-safe.
 */
final class DeployQueue implements AutoCloseable {
  /** Runs one deploy on the worker thread. */
  @FunctionalInterface
  interface Runner {
    Outcome run(DeployRequest request, LogSink sink);
  }

  private static final Logger LOG = LoggerFactory.getLogger(DeployQueue.class);

  private final Runner runner;
  private final Object lock = new Object();
  private final ExecutorService worker;
  private Pending pending;
  private boolean running;
  private boolean closed;

  DeployQueue(Runner runner) {
    this.runner = runner;
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "deploy-worker");
              t.setDaemon(true);
              return t;
            });
  }

  /** True while a deploy runs or one is queued. */
  boolean active() {
    synchronized (lock) {
      return running;
    }
  }

  /** Queues {@code request}; the future completes with its outcome (never exceptionally). */
  CompletableFuture<Outcome> enqueue(DeployRequest request, LogSink sink) {
    Waiter waiter = new Waiter(sink);
    synchronized (lock) {
      if (pending == null) {
        pending = new Pending();
      } else {
        for (Waiter w : pending.waiters) {
          safeLine(w.sink, "A newer deploy request replaced this one; waiting for it instead");
        }
        safeLine(sink, "A deploy is already queued; it now deploys this request");
      }
      // A push does not replace a queued `up`: that deploys the branch head too, and carries the user's settings.
      // A restore at start never replaces a request: whatever was asked for is newer than the restored release.
      boolean keepQueued =
          pending.request != null
              && (request.trigger() == DeployRequest.Trigger.RESTORE
                  || (request.trigger() == DeployRequest.Trigger.WEBHOOK
                      && pending.request.trigger() == DeployRequest.Trigger.USER));
      if (!keepQueued) {
        pending.request = request;
      }
      pending.waiters.add(waiter);
      if (running) {
        safeLine(sink, "Another deploy is running; this one starts when it ends");
      } else {
        running = true;
        try {
          worker.execute(this::drain);
        } catch (RuntimeException rejected) {
          running = false;
          Pending dropped = pending;
          pending = null;
          finish(dropped.waiters, failure("the deploy worker has stopped", rejected));
        }
      }
    }
    return waiter.future;
  }

  /** Stops the worker; a queued deploy is abandoned (its callers get a 500 outcome). */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
    }
    worker.shutdownNow();
    try {
      worker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Pending left;
    synchronized (lock) {
      left = pending;
      pending = null;
    }
    if (left != null) {
      finish(left.waiters, failure("the daemon is shutting down", null));
    }
  }

  private void drain() {
    Pending next;
    synchronized (lock) {
      next = pending;
      pending = null;
    }
    try {
      while (next != null) {
        List<Waiter> waiters = List.copyOf(next.waiters);
        Outcome outcome = runOne(next.request, waiters);
        // Take the next request (or leave the running state) before anyone learns the outcome, so a caller that
        // sees its deploy finished also sees active() false when nothing else is queued.
        Pending abandoned = null;
        synchronized (lock) {
          next = pending;
          pending = null;
          if (closed) {
            abandoned = next;
            next = null;
          }
          if (next == null) {
            running = false;
          }
        }
        finish(waiters, outcome);
        if (abandoned != null) {
          finish(abandoned.waiters, failure("the daemon is shutting down", null));
        }
      }
    } catch (Throwable t) {
      // Not reached in practice (runOne and finish catch everything); never leave callers or the queue stuck.
      LOG.error("deploy worker failed", t);
      Pending left;
      synchronized (lock) {
        left = pending;
        pending = null;
        running = false;
      }
      if (next != null) {
        finish(next.waiters, failure("the deploy worker failed", t));
      }
      if (left != null) {
        finish(left.waiters, failure("the deploy worker failed", t));
      }
    }
  }

  private Outcome runOne(DeployRequest request, List<Waiter> waiters) {
    LogSink all =
        new LogSink() {
          @Override
          public void line(String line) {
            for (Waiter w : waiters) {
              safeLine(w.sink, line);
            }
          }
        };
    Outcome outcome;
    try {
      outcome = runner.run(request, all);
    } catch (Throwable e) {
      LOG.error("deploy failed unexpectedly", e);
      outcome = failure("the deploy failed unexpectedly", e);
    }
    LOG.info(
        "deploy ({} {} {}): {}",
        request.trigger().name().toLowerCase(Locale.ROOT), request.branch(), request.commit().orElse("head"),
        outcome.streamLine());
    return outcome;
  }

  private static void finish(List<Waiter> waiters, Outcome outcome) {
    for (Waiter w : waiters) {
      try {
        w.sink.done(outcome);
      } catch (Throwable e) {
        LOG.debug("log sink failed at the end of a deploy", e);
      }
      w.future.complete(outcome);
    }
  }

  /** A 500 outcome for a failure outside the deploy's own error handling. */
  static Outcome failure(String what, Throwable cause) {
    return new Outcome(500, "failed to deploy project", what + describe(cause), Optional.empty());
  }

  /** {@code ": out of memory (Java heap space)"} and the like; empty without a cause. */
  static String describe(Throwable cause) {
    if (cause == null) {
      return "";
    }
    if (cause instanceof OutOfMemoryError) {
      return ": the daemon ran out of memory (" + cause.getMessage() + ")";
    }
    return ": " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }

  static void safeLine(LineSink sink, String line) {
    try {
      sink.line(line);
    } catch (RuntimeException e) {
      LOG.debug("log sink failed", e);
    }
  }

  private static final class Waiter {
    final LogSink sink;
    final CompletableFuture<Outcome> future = new CompletableFuture<>();

    Waiter(LogSink sink) {
      this.sink = sink;
    }
  }

  private static final class Pending {
    DeployRequest request;
    final List<Waiter> waiters = new ArrayList<>();
  }
}
