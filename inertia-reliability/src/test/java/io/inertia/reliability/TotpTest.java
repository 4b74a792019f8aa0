package io.inertia.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TotpTest {
  /** RFC 6238 appendix B, SHA-1 secret "12345678901234567890", last six of the eight digits. */
  @Test
  void rfc6238Vectors() {
    String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    assertEquals("287082", Totp.code(secret, 59));
    assertEquals("081804", Totp.code(secret, 1111111109));
    assertEquals("050471", Totp.code(secret, 1111111111));
    assertEquals("005924", Totp.code(secret, 1234567890));
  }
}
