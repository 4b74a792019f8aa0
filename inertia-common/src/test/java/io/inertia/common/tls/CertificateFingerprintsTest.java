package io.inertia.common.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CertificateFingerprintsTest {
  @Test
  void formatsAsColonSeparatedUpperHexWithPrefix() {
    // SHA-256("abc") = ba7816bf…15ad
    String fp = CertificateFingerprints.sha256("abc".getBytes(StandardCharsets.US_ASCII));
    assertTrue(fp.startsWith("SHA256:BA:78:16:BF:"), fp);
    assertTrue(fp.endsWith(":15:AD"), fp);
    assertEquals("SHA256:".length() + 32 * 3 - 1, fp.length());
  }

  @Test
  void matchesIgnoresCasePrefixAndColons() {
    String fp = CertificateFingerprints.sha256("abc".getBytes(StandardCharsets.US_ASCII));
    assertTrue(CertificateFingerprints.matches(fp, fp.substring(7).toLowerCase()));
    assertTrue(CertificateFingerprints.matches(fp, fp.replace(":", "").replace("SHA256", "SHA256:")));
    assertFalse(CertificateFingerprints.matches(fp, "SHA256:00"));
    assertFalse(CertificateFingerprints.matches(null, fp));
  }
}
