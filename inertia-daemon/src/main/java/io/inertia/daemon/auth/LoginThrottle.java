package io.inertia.daemon.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exponential back-off for failed logins, counted separately per user name and per source address. The first {@link
 * #FREE_FAILURES} failures cost nothing; each further one blocks the key for 1, 2, 4, … seconds, at most {@link
 * #MAX_DELAY}. A success clears both keys. There is never a permanent lock-out (the original removed its lock-out
 * because it let anyone lock out an admin, #638). In memory only: a restart forgives. Thread-safe.
 */
public final class LoginThrottle {
  public static final int FREE_FAILURES = 5;
  public static final Duration MAX_DELAY = Duration.ofSeconds(60);
  private static final Duration FORGET_AFTER = Duration.ofMinutes(15);

  private record State(int failures, Instant blockedUntil, Instant lastFailure) {}

  private final Map<String, State> states = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * @throws AuthException (THROTTLED) while the user or the address is blocked
   */
  public void check(String user, String address) {
    Instant now = clock.instant();
    long wait = Math.max(remaining("user:" + user, now), remaining("addr:" + address, now));
    if (wait > 0) {
      throw new AuthException(
          AuthException.Reason.THROTTLED,
          "too many failed login attempts - try again in " + wait + " seconds",
          "login temporarily blocked after repeated failures",
          null);
    }
  }

  public void failure(String user, String address) {
    Instant now = clock.instant();
    bump("user:" + user, now);
    bump("addr:" + address, now);
    if (states.size() > 10_000) {
      states.entrySet().removeIf(e -> e.getValue().lastFailure().plus(FORGET_AFTER).isBefore(now));
    }
  }

  public void success(String user, String address) {
    states.remove("user:" + user);
    states.remove("addr:" + address);
  }

  private long remaining(String key, Instant now) {
    State s = states.get(key);
    if (s == null || !s.blockedUntil().isAfter(now)) {
      return 0;
    }
    return Math.max(1, Duration.between(now, s.blockedUntil()).toMillis() / 1000 + 1);
  }

  private void bump(String key, Instant now) {
    states.compute(
        key,
        (k, s) -> {
          int failures = s == null || s.lastFailure().plus(FORGET_AFTER).isBefore(now) ? 1 : s.failures() + 1;
          Instant until = now;
          if (failures >= FREE_FAILURES) {
            long seconds = Math.min(MAX_DELAY.getSeconds(), 1L << Math.min(6, failures - FREE_FAILURES));
            until = now.plusSeconds(seconds);
          }
          return new State(failures, until, now);
        });
  }
}
