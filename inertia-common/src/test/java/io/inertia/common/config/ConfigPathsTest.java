package io.inertia.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigPathsTest {

  @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          Linux      | /opt/i | /xdg     | -           | /home/me | /opt/i
          Linux      | -      | /xdg     | -           | /home/me | /xdg/inertia
          Linux      | -      | -        | -           | /home/me | /home/me/.config/inertia
          Linux      | ''     | ''       | -           | /home/me | /home/me/.config/inertia
          Linux      | -      | -        | -           | -        | /inertia
          FreeBSD    | -      | -        | -           | /home/me | /home/me/.config/inertia
          Mac OS X   | -      | /xdg     | -           | /Users/me | /Users/me/Library/Application Support/inertia
          Mac OS X   | /opt/i | -        | -           | /Users/me | /opt/i
          Windows 11 | -      | -        | /appdata    | /users/me | /appdata/inertia
          Windows 11 | -      | -        | -           | /users/me | /inertia
          """)
  void globalDirectory(
      String os, String inertiaPath, String xdg, String appData, String home, String expected) {
    Map<String, String> env = new HashMap<>();
    if (inertiaPath != null) {
      env.put("INERTIA_PATH", inertiaPath);
    }
    if (xdg != null) {
      env.put("XDG_CONFIG_HOME", xdg);
    }
    if (appData != null) {
      env.put("APPDATA", appData);
    }
    ConfigPaths paths = ConfigPaths.of(env, os, home == null ? null : Paths.get(home));
    assertEquals(Paths.get(expected), paths.globalDirectory());
    assertEquals(Path.of(expected, "inertia.remotes"), paths.remotesFile());
  }
}
