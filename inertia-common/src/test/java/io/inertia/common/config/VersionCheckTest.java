package io.inertia.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionCheckTest {

  @ParameterizedTest(name = "project {0}, CLI {1}")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      textBlock =
          """
          v0.6.1 | v0.6.3 | ''                                           | ''
          v0.6.1 | v0.6.1 | ''                                           | ''
          0.6.1  | 0.6.9  | ''                                           | ''
          v0.6.1 | v0.7.0 | ''                                           | project version "0.7.0" does not satisfy CLI version constraints ">=0.6.1 <0.7.0"
          v0.6.1 | v0.6.0 | ''                                           | project version "0.6.0" does not satisfy CLI version constraints ">=0.6.1 <0.7.0"
          v0.7.0 | v1.0.0 | ''                                           | project version "1.0.0" does not satisfy CLI version constraints ">=0.7.0 <0.8.0"
          v0.6.1 | ''     | ''                                           | no CLI version provided
          v0.6.1 | test   | CLI version is a test build                  | ''
          v0.6.1 | latest | CLI version is a test build                  | ''
          ''     | v0.7.0 | no version configured in project             | ''
          test   | v0.7.0 | ''                                           | project version is a test build - please change it to a release version
          """)
  void projectVersion(String project, String cli, String warning, String error) {
    VersionCheck.Result r = VersionCheck.checkProject(project, cli);
    assertEquals(warning.isEmpty() ? List.of() : List.of(warning), r.warnings());
    assertEquals(error.isEmpty() ? List.of() : List.of(error), r.errors());
    assertEquals(warning.isEmpty() && error.isEmpty(), r.isClean());
  }

  @Test
  void invalidProjectVersionIsAnError() {
    VersionCheck.Result r = VersionCheck.checkProject("banana", "v0.7.0");
    assertEquals(1, r.errors().size());
    assertTrue(r.errors().get(0).startsWith("project version \"banana\" is invalid"));
  }

  @ParameterizedTest(name = "daemon {0}")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      textBlock =
          """
          ''          | ''
          latest      | ''
          test        | ''
          v0.6.2      | ''
          0.6.2       | ''
          v0.7.0      | ''
          v1.0.0-rc.1 | ''
          v0.6.1      | daemon version <0.6.2 is not supported by this version of the Inertia client
          v0.5.9      | daemon version <0.6.2 is not supported by this version of the Inertia client
          v0.6.2-rc1  | daemon version <0.6.2 is not supported by this version of the Inertia client
          banana      | daemon version is invalid
          v1.2        | daemon version is invalid
          """)
  void daemonVersion(String version, String error) {
    assertEquals(
        error.isEmpty() ? Optional.empty() : Optional.of(error), VersionCheck.checkDaemon(version));
  }

  @Test
  void remoteMismatch() {
    assertEquals(Optional.empty(), VersionCheck.remoteMismatch("v0.7.0", "v0.7.0"));
    assertEquals(
        Optional.of(
            "Remote configuration version \"v0.6.0\" does not match your Inertia CLI version"
                + " \"v0.7.0\""),
        VersionCheck.remoteMismatch("v0.6.0", "v0.7.0"));
  }

  @ParameterizedTest
  @CsvSource({
    "v1.2.3,1.2.3,0",
    "1.2.3,1.2.4,-1",
    "1.10.0,1.9.9,1",
    "1.0.0-alpha,1.0.0,-1",
    "1.0.0-alpha,1.0.0-alpha.1,-1",
    "1.0.0-alpha.1,1.0.0-alpha.beta,-1",
    "1.0.0-beta.2,1.0.0-beta.11,-1",
    "1.0.0+build,1.0.0,0"
  })
  void semverPrecedence(String a, String b, int sign) {
    assertEquals(sign, Integer.signum(Semver.parse(a).compareTo(Semver.parse(b))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "v", "1.2", "01.2.3", "1.2.3.4", "latest", "V1.2.3"})
  void semverRejects(String text) {
    assertThrows(IllegalArgumentException.class, () -> Semver.parse(text));
  }

  @Test
  void semverPrintsWithoutV() {
    assertEquals("0.7.0-rc.1", Semver.parse("v0.7.0-rc.1").toString());
  }

  @ParameterizedTest
  @CsvSource({
    "v0.7.0,true",
    "v0.6.2,true",
    "0.7.3,true",
    "v0.8.0-rc.1,true",
    "v0.8.0,false",
    "v0.8.1,false",
    "v1.0.0,false",
    "latest,false",
    "test,false",
    "'',false"
  })
  void originalDaemonVersionsAreThoseBeforeThisImplementation(String version, boolean original) {
    assertEquals(original, VersionCheck.isOriginalDaemon(version));
  }
}
