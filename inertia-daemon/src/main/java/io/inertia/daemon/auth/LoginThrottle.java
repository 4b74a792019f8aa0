package io.inertia.daemon.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Throttles password checks so that guessing is slow, without letting anyone lock the real user out. Every password
 * check (login, TOTP enable) goes through it: {@link #check} before the check, then {@link #failure} or {@link
 * #success}.
 *
 * <ul>
 *   <li><b>Per source address</b> (IPv6 addresses by their /64 network, which one host usually owns whole): the
 *       first {@link #FREE_FAILURES} failures cost nothing; each further one blocks the address for 1, 2, 4, … s, at
 *       most {@link #MAX_DELAY}. A blocked address gets 429 before any password is looked at.
 *   <li><b>Per user name</b>, counting failures from every address. It never blocks a request by itself: a per-user
 *       lock-out lets anyone lock the owner out (the original removed its lock-out for that reason). Once a name has
 *       {@link #FREE_FAILURES} recent failures it is under attack, and every further failure for it blocks the
 *       failing address at once, for a delay that grows with the name's failures (1, 2, 4, … s, at most {@link
 *       #MAX_DELAY}). An attack spread over many addresses so gets one guess per address and delay instead of {@link
 *       #FREE_FAILURES}.
 * </ul>
 *
 * A correct password from an address that is not blocked always logs in, whatever others send. A success clears its
 * address's record, not the name's (the attack may go on). Records are forgotten {@link #FORGET_AFTER} after their
 * last failure; each table keeps at most {@link #MAX_ENTRIES} records and drops the least recently failing first, and
 * keys are short (see {@link #userKey}), so memory stays bounded (about 3 MiB at worst) whatever is sent. In memory only: a restart forgives. Thread-safe.
 */
public final class LoginThrottle {
  public static final int FREE_FAILURES = 5;
  public static final Duration MAX_DELAY = Duration.ofSeconds(60);
  public static final Duration FORGET_AFTER = Duration.ofMinutes(15);
  public static final int MAX_ENTRIES = 4096;

  private final Table addresses = new Table();
  private final Table users = new Table();
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** @throws AuthException (THROTTLED) while {@code address} is blocked */
  public void check(String address) {
    Instant now = clock.instant();
    Entry e = addresses.get(addressKey(address), now);
    if (e != null && e.blockedUntil().isAfter(now)) {
      long wait = Math.max(1, (Duration.between(now, e.blockedUntil()).toMillis() + 999) / 1000);
      throw new AuthException(
          AuthException.Reason.THROTTLED,
          "too many failed login attempts - try again in " + wait + " seconds",
          "login temporarily blocked after repeated failures from this address",
          null);
    }
  }

  /** A password (or TOTP) check for {@code user} from {@code address} failed. */
  public void failure(String user, String address) {
    Instant now = clock.instant();
    Entry u = users.fail(userKey(user), now);
    String key = addressKey(address);
    Entry a = addresses.fail(key, now);
    Instant until = now;
    if (a.failures() >= FREE_FAILURES) {
      until = now.plus(delay(a.failures()));
    }
    if (u.failures() >= FREE_FAILURES) {
      Instant userUntil = now.plus(delay(u.failures()));
      until = userUntil.isAfter(until) ? userUntil : until;
    }
    addresses.blockUntil(key, until);
  }

  /** A check from {@code address} succeeded: the address starts afresh. */
  public void success(String address) {
    addresses.remove(addressKey(address));
  }

  /** Records held, addresses plus names (bounded by twice {@link #MAX_ENTRIES}). */
  public int size() {
    return addresses.size() + users.size();
  }

  private static Duration delay(int failures) {
    long seconds = 1L << Math.min(6, Math.max(0, failures - FREE_FAILURES));
    return Duration.ofSeconds(Math.min(MAX_DELAY.getSeconds(), seconds));
  }

  /**
   * The throttle key of a user name. Names longer than any valid one (127) are keyed by their hash, so a flood of
   * huge names cannot grow the table beyond its bound in bytes; '#' never occurs in a valid name.
   */
  static String userKey(String user) {
    String u = user == null ? "" : user;
    return u.length() <= 127 ? "user:" + u : "user:#" + Integer.toHexString(u.hashCode()) + "/" + u.length();
  }

  /** The throttle key of a source address: IPv4 as is, IPv6 by its /64 network. */
  static String addressKey(String address) {
    if (address == null || address.isBlank()) {
      return "addr:unknown";
    }
    String a = address.trim();
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    if (a.indexOf(':') < 0) {
      return "addr:" + a;
    }
    try {
      byte[] b = InetAddress.getByName(a).getAddress();
      if (b.length == 16) {
        return "addr:" + HexFormat.of().formatHex(b, 0, 8) + "::/64";
      }
      return "addr:" + InetAddress.getByAddress(b).getHostAddress();
    } catch (UnknownHostException e) {
      return "addr:" + a;
    }
  }

  private record Entry(int failures, Instant blockedUntil, Instant lastFailure) {}

  /** Recent failures by key, least recently failing first; bounded. */
  private static final class Table {
    private final LinkedHashMap<String, Entry> map = new LinkedHashMap<>();

    synchronized Entry get(String key, Instant now) {
      Entry e = map.get(key);
      if (e != null && forgotten(e, now)) {
        map.remove(key);
        return null;
      }
      return e;
    }

    synchronized Entry fail(String key, Instant now) {
      Entry old = get(key, now);
      map.remove(key);
      Entry e = new Entry(old == null ? 1 : old.failures() + 1, old == null ? now : old.blockedUntil(), now);
      map.put(key, e);
      trim(now);
      return e;
    }

    synchronized void blockUntil(String key, Instant until) {
      Entry e = map.get(key);
      if (e != null && until.isAfter(e.blockedUntil())) {
        map.put(key, new Entry(e.failures(), until, e.lastFailure()));
      }
    }

    synchronized void remove(String key) {
      map.remove(key);
    }

    synchronized int size() {
      return map.size();
    }

    private void trim(Instant now) {
      Iterator<Map.Entry<String, Entry>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<String, Entry> oldest = it.next();
        if (map.size() > MAX_ENTRIES || forgotten(oldest.getValue(), now)) {
          it.remove();
        } else {
          break;
        }
      }
    }

    private static boolean forgotten(Entry e, Instant now) {
      return e.lastFailure().plus(FORGET_AFTER).isBefore(now) && !e.blockedUntil().isAfter(now);
    }
  }
}
