package io.inertia.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullFailureHintTest {
  @Test
  void aPullDuringTheDeployNamesTheImageToSend() {
    List<String> shown = new ArrayList<>();
    PullFailureHint h = new PullFailureHint(shown::add);
    h.accept("Cloning ...");
    assertTrue(h.hint("prod").isEmpty());
    h.accept("Pulling docker:26-cli...");
    h.accept("[error 500] failed to deploy project: (no such host)");
    assertEquals(3, shown.size(), "every line is still shown");
    String hint = h.hint("prod").orElseThrow();
    assertTrue(hint.contains("'inertia prod send-image docker:26-cli'"), hint);
  }
}
