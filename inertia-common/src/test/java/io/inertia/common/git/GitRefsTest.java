package io.inertia.common.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitRefsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "refs/heads/main, main",
    "refs/heads/feat/x, feat/x",
    "refs/tags/v1, v1",
    "refs/tags/release/1.0, release/1.0",
    "main, main",
    "refs/heads, refs/heads",
  })
  void shortName(String ref, String expected) {
    assertEquals(expected, GitRefs.shortName(ref));
  }

  @Test
  void kinds() {
    assertTrue(GitRefs.isBranch("refs/heads/main"));
    assertFalse(GitRefs.isBranch("refs/tags/v1"));
    assertFalse(GitRefs.isBranch("refs/heads/"));
    assertTrue(GitRefs.isTag("refs/tags/v1"));
    assertFalse(GitRefs.isTag("refs/heads/main"));
    assertEquals("refs/heads/dev", GitRefs.branchRef("dev"));
  }
}
