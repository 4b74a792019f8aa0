package io.inertia.testenv;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A bounded wait: checks a condition every {@code interval} until it holds or {@code timeout} has
 * passed, then fails with a message that names what was awaited. Exceptions thrown by the
 * condition count as "not yet".
 */
public record Poll(Duration interval, Duration timeout) {

  public static Poll every(Duration interval, Duration timeout) {
    return new Poll(interval, timeout);
  }

  /** Blocks until {@code condition} is true; throws {@link IllegalStateException} on timeout. */
  public void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (true) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        last = e;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("timed out after " + timeout + " waiting for " + what, last);
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
  }
}
