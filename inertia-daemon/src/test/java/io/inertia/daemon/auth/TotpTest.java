package io.inertia.daemon.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {
  private static final String RFC_SECRET = Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

  /** RFC 6238 appendix B, SHA-1 column, last six digits. */
  @ParameterizedTest
  @CsvSource({"59,287082", "1111111109,081804", "1111111111,050471", "1234567890,005924", "2000000000,279037"})
  void rfc6238Vectors(long time, String code) {
    assertEquals(code, Totp.code(RFC_SECRET, Instant.ofEpochSecond(time)));
  }

  @Test
  void acceptsOneStepEitherSideOnly() {
    Instant t = Instant.ofEpochSecond(1111111109);
    assertTrue(Totp.verify(RFC_SECRET, "081804", t));
    assertTrue(Totp.verify(RFC_SECRET, "081804", t.plusSeconds(30)));
    assertTrue(Totp.verify(RFC_SECRET, "081804", t.minusSeconds(30)));
    assertFalse(Totp.verify(RFC_SECRET, "081804", t.plusSeconds(90)));
    assertFalse(Totp.verify(RFC_SECRET, "81804", t));
    assertFalse(Totp.verify(RFC_SECRET, null, t));
  }

  @Test
  void base32RoundTrip() {
    byte[] b = {0, 1, 2, (byte) 0xff, 42, 7, 9, 10, 11, 12};
    assertEquals(16, Base32.encode(b).length());
    org.junit.jupiter.api.Assertions.assertArrayEquals(b, Base32.decode(Base32.encode(b).toLowerCase()));
  }
}
