package io.inertia.daemon.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.daemon.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final TestClock clock = new TestClock();
  private final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void anAddressIsBlockedAfterItsFreeFailuresAndForgivenLater() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      throttle.check("192.0.2.1");
      throttle.failure("user" + i, "192.0.2.1");
    }
    assertThrows(AuthException.class, () -> throttle.check("192.0.2.1"));
    assertDoesNotThrow(() -> throttle.check("192.0.2.2"));
    clock.advance(LoginThrottle.MAX_DELAY.plusSeconds(1));
    assertDoesNotThrow(() -> throttle.check("192.0.2.1"));
  }

  @Test
  void underASpreadAttackEachFailingAddressIsBlockedAtOnceButCleanOnesAreNot() {
    for (int i = 0; i < 50; i++) {
      String a = "198.51.100." + i;
      throttle.check(a);
      throttle.failure("owner", a);
      if (i >= LoginThrottle.FREE_FAILURES - 1) {
        assertThrows(AuthException.class, () -> throttle.check(a), a);
      }
    }
    assertDoesNotThrow(() -> throttle.check("203.0.113.9"));
    // The delay grows with the name's failures, up to the cap.
    AuthException e = assertThrows(AuthException.class, () -> throttle.check("198.51.100.49"));
    assertTrue(e.getMessage().contains("try again in 60 seconds"), e.getMessage());
  }

  @Test
  void ipv6AddressesCountByTheirSlash64() {
    for (int i = 1; i <= LoginThrottle.FREE_FAILURES; i++) {
      throttle.failure("u" + i, "2001:db8:1:2::" + Integer.toHexString(i));
    }
    assertThrows(AuthException.class, () -> throttle.check("2001:db8:1:2:ffff::99"));
    assertDoesNotThrow(() -> throttle.check("2001:db8:1:3::1"));
    assertEquals(LoginThrottle.addressKey("[2001:db8:1:2::1]"), LoginThrottle.addressKey("2001:0db8:0001:0002::7"));
  }

  @Test
  void memoryStaysBoundedUnderAFloodOfAddressesAndNames() {
    for (int i = 0; i < 50_000; i++) {
      throttle.failure("name" + i, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
    }
    assertTrue(throttle.size() <= 2 * LoginThrottle.MAX_ENTRIES, "held " + throttle.size());
    clock.advance(LoginThrottle.FORGET_AFTER.plus(Duration.ofSeconds(1)));
    throttle.failure("one", "10.255.255.255");
    assertEquals(2, throttle.size());
  }

  @Test
  void hugeUserNamesAreKeyedShort() {
    String huge = "x".repeat(500_000);
    assertTrue(LoginThrottle.userKey(huge).length() < 40, LoginThrottle.userKey(huge));
    assertEquals("user:alice", LoginThrottle.userKey("alice"));
  }
}
