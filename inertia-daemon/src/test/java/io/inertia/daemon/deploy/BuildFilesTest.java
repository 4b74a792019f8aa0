package io.inertia.daemon.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildFilesTest {
  @Test
  void relativePathsInsideTheProjectAreFine() {
    for (String ok : new String[] {"", "Dockerfile", "docker/Dockerfile.prod", "./Dockerfile", "a..b/Dockerfile"}) {
      assertEquals(Optional.empty(), BuildFiles.problem(ok), ok);
    }
    assertEquals(Optional.empty(), BuildFiles.problem(null));
  }

  @Test
  void escapesAbsolutePathsAndControlCharactersAreNamed() {
    assertTrue(BuildFiles.problem("../Dockerfile").orElseThrow().contains("'..'"));
    assertTrue(BuildFiles.problem("sub/../../etc/passwd").orElseThrow().contains("leaves the project directory"));
    assertTrue(BuildFiles.problem("sub\\..\\Dockerfile").orElseThrow().contains("'..'"));
    assertTrue(BuildFiles.problem("/etc/passwd").orElseThrow().contains("absolute"));
    assertTrue(BuildFiles.problem("C:\\Dockerfile").orElseThrow().contains("absolute"));
    assertTrue(BuildFiles.problem("Docker\u0000file").orElseThrow().contains("NUL"));
    assertTrue(BuildFiles.problem("Docker\nfile").orElseThrow().contains("control character (U+000A)"));
    assertTrue(BuildFiles.problem("docker/").orElseThrow().contains("directory"));
    assertTrue(BuildFiles.problem("a".repeat(5000)).orElseThrow().contains("longer than"));
  }
}
