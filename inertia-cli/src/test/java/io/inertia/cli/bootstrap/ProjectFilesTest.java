package io.inertia.cli.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectFilesTest {

  @ParameterizedTest
  @CsvSource({
    ".env, .env",
    "config/app.yml, config/app.yml",
    "./config//app.yml, config/app.yml",
    "a/./b, a/b",
    "'a\\b', a/b"
  })
  void relativePathsAreNormalised(String in, String expected) {
    assertEquals(expected, ProjectFiles.checkRelative(in, "destination"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/etc/passwd", "../x", "a/../../x", "a/../b", "~/x", "C:/x", "..", ".", "", " ", "//x"})
  void pathsLeavingTheProjectAreRefused(String in) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ProjectFiles.checkRelative(in, "destination"));
    assertTrue(e.getMessage().contains("destination") || e.getMessage().contains("no "), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0655", "644", "0600", "0777"})
  void octalPermissionsAreAccepted(String perms) {
    assertEquals(perms, ProjectFiles.checkPermissions(perms));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0855", "rw-r--r--", "12345", "", "0644; rm -rf /"})
  void otherPermissionsAreRefused(String perms) {
    assertThrows(IllegalArgumentException.class, () -> ProjectFiles.checkPermissions(perms));
  }

  @Test
  void sourceMustBeAFileInsideTheProject(@TempDir Path tmp) throws Exception {
    Path project = Files.createDirectories(tmp.resolve("project"));
    Files.writeString(project.resolve(".env"), "A=1");
    Files.writeString(tmp.resolve("secret"), "outside");
    Files.createSymbolicLink(project.resolve("link"), tmp.resolve("secret"));
    Files.createDirectories(project.resolve("dir"));

    assertEquals(project.toRealPath().resolve(".env"), ProjectFiles.resolveSource(project, ".env"));
    IllegalArgumentException viaLink =
        assertThrows(
            IllegalArgumentException.class, () -> ProjectFiles.resolveSource(project, "link"));
    assertTrue(viaLink.getMessage().contains("outside the project"), viaLink.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ProjectFiles.resolveSource(project, "../secret"));
    assertThrows(IllegalArgumentException.class, () -> ProjectFiles.resolveSource(project, "dir"));
    assertThrows(IllegalArgumentException.class, () -> ProjectFiles.resolveSource(project, "missing"));
  }
}
