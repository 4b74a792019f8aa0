package io.inertia.daemon.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The .dockerignore rules, case by case as docker build applies them. */
class DockerIgnoreTest {
  private static DockerIgnore rules(String... lines) {
    return DockerIgnore.of(DockerIgnore.parse(List.of(lines)));
  }

  /** The walk's answer for a path: each parent directory's result is passed on, as docker build does. */
  private static boolean excluded(DockerIgnore rules, String path) {
    DockerIgnore.Match m = null;
    String[] parts = path.split("/");
    String prefix = "";
    for (String part : parts) {
      prefix = prefix.isEmpty() ? part : prefix + "/" + part;
      m = rules.match(prefix, m);
    }
    return m.excluded();
  }

  @Test
  void linesAreTrimmedCleanedAndCommentsSkipped() {
    assertEquals(
        List.of("foo", "bar/baz", "!keep", "a/c", "x", "/", "../up", "!x y"),
        DockerIgnore.parse(
            List.of(
                "\uFEFFfoo", "# comment", "", "   ", "  /bar/baz/  ", "! keep", "./a/b/../c", "x//", "/", "../up",
                "  #  not a comment once trimmed? no: only a leading # is", "!x y")
                .stream()
                .filter(l -> !l.startsWith("  #"))
                .toList()));
    assertEquals(List.of("#x"), DockerIgnore.parse(List.of(" #x")), "only a # in the first column is a comment");
  }

  @Test
  void starAndQuestionMarkStayWithinOneDirectory() {
    DockerIgnore r = rules("*/temp*", "temp?");
    assertTrue(excluded(r, "somedir/temporary.txt"));
    assertTrue(excluded(r, "somedir/temp"));
    assertFalse(excluded(r, "temp"), "*/temp* needs a directory above");
    assertFalse(excluded(r, "a/b/temp"), "* does not cross /");
    assertTrue(excluded(r, "tempa"));
    assertFalse(excluded(r, "tempab"));
    assertTrue(excluded(rules("*/*/temp*"), "a/b/temp.txt"));
    assertFalse(excluded(rules("*/*/temp*"), "a/temp.txt"));
  }

  @Test
  void doubleStarMatchesAnyNumberOfDirectories() {
    DockerIgnore r = rules("**/*.go");
    assertTrue(excluded(r, "main.go"));
    assertTrue(excluded(r, "a/b/c/main.go"));
    assertFalse(excluded(r, "main.gox"));
    assertTrue(excluded(rules("**/node_modules"), "node_modules/x/y.js"));
    assertTrue(excluded(rules("**/node_modules"), "web/app/node_modules/y.js"));
    assertTrue(excluded(rules("docs/**"), "docs/a/b.md"));
    assertTrue(excluded(rules("a/**/z"), "a/z"));
    assertTrue(excluded(rules("a/**/z"), "a/b/c/z"));
    assertFalse(excluded(rules("a/**/z"), "b/a/z"));
    assertTrue(excluded(rules("**"), "anything/at/all"));
  }

  @Test
  void aPatternMatchingADirectoryExcludesEverythingBelowIt() {
    DockerIgnore r = rules("build", "/dist/", "./logs");
    assertTrue(excluded(r, "build/out/app.jar"));
    assertTrue(excluded(r, "dist/x"));
    assertTrue(excluded(r, "logs/today.log"));
    assertFalse(excluded(r, "src/build"), "patterns are anchored at the context root");
    assertFalse(excluded(r, "builder"));
  }

  @Test
  void theLastMatchingPatternWinsAndExceptionsReinclude() {
    DockerIgnore r = rules("*.md", "!README*.md", "README-secret.md");
    assertTrue(excluded(r, "CHANGES.md"));
    assertFalse(excluded(r, "README.md"));
    assertFalse(excluded(r, "README-public.md"));
    assertTrue(excluded(r, "README-secret.md"));
    assertFalse(excluded(r, "docs/CHANGES.md"), "*.md is for the root only");

    DockerIgnore dir = rules("data", "!data/keep.txt");
    assertTrue(excluded(dir, "data"));
    assertFalse(excluded(dir, "data/keep.txt"));
    assertTrue(excluded(dir, "data/other.txt"));
    assertTrue(dir.mayIncludeBelow("data"));
    assertFalse(dir.mayIncludeBelow("other"));
    assertFalse(rules("data").mayIncludeBelow("data"), "no exception: the directory is skipped");
  }

  @Test
  void aPatternThatMatchedTheParentCountsForItsEntriesInTheWalk() {
    // docker build passes each directory's per-pattern results to its entries: the third pattern is not tried
    // again for data/keep.txt, so the exception keeps it, although it matches its parent directory.
    DockerIgnore r = rules("data", "!data/keep.txt", "data");
    assertFalse(excluded(r, "data/keep.txt"));
    assertTrue(r.matchesOrParentMatches("data/keep.txt"), "judged alone, the last pattern wins");
  }

  @Test
  void escapesCharacterClassesAndRegexCharactersAreLiteral() {
    assertTrue(excluded(rules("file[0-9].txt"), "file7.txt"));
    assertFalse(excluded(rules("file[0-9].txt"), "filex.txt"));
    assertTrue(excluded(rules("file[^0-9].txt"), "filex.txt"));
    assertTrue(excluded(rules("\\*.txt"), "*.txt"));
    assertFalse(excluded(rules("\\*.txt"), "a.txt"));
    assertTrue(excluded(rules("a+b(1).$x{2}"), "a+b(1).$x{2}"));
    assertFalse(excluded(rules("a.b"), "axb"), ". is literal");
    assertThrows(IllegalArgumentException.class, () -> rules("file[.txt"));
    assertThrows(IllegalArgumentException.class, () -> rules("!"));
  }

  @Test
  void theDockerfileAndDockerignoreAreAlwaysSent() {
    List<String> kept = DockerIgnore.keepBuildFiles(DockerIgnore.parse(List.of("*", "docker")), "./docker/Dockerfile.prod");
    assertEquals(List.of("*", "docker", "!.dockerignore", "!docker/Dockerfile.prod"), kept);
    DockerIgnore r = DockerIgnore.of(kept);
    assertFalse(excluded(r, ".dockerignore"));
    assertFalse(excluded(r, "docker/Dockerfile.prod"));
    assertTrue(excluded(r, "docker/other"));
    assertTrue(excluded(r, "src"));
    assertEquals(List.of("src"), DockerIgnore.keepBuildFiles(List.of("src"), "Dockerfile"), "nothing to keep");
  }

  @Test
  void cleaningFollowsGo() {
    assertEquals(".", GoPaths.clean(""));
    assertEquals("a/c", GoPaths.clean("a/b/../c/."));
    assertEquals("../a", GoPaths.clean("../a"));
    assertEquals("/a", GoPaths.clean("/../a"));
    assertEquals("/", GoPaths.clean("//"));
    assertEquals("..", GoPaths.clean("a/../.."));
  }
}
