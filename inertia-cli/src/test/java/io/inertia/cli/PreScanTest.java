package io.inertia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PreScanTest {
  @Test
  void globalOptionsAnywhereAndFirstWord() {
    InertiaCli.PreScan p = InertiaCli.PreScan.of(new String[] {"--simple", "--config", "x/y.toml", "prod", "up", "--debug"});
    assertTrue(p.simple);
    assertTrue(p.debug);
    assertEquals("x/y.toml", p.config);
    assertEquals("prod", p.first);
    p = InertiaCli.PreScan.of(new String[] {"--config=a.toml", "remote", "ls"});
    assertEquals("a.toml", p.config);
    assertEquals("remote", p.first);
    assertNull(InertiaCli.PreScan.of(new String[] {"--help"}).first);
  }
}
