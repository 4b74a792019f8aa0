package io.inertia.common.config;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;

/**
 * Where the global configuration lives (docs/original.md#the-remotes-file): {@code $INERTIA_PATH} if set, else the user
 * config directory as Go's {@code os.UserConfigDir()} finds it plus {@code inertia}: Linux and other
 * Unix {@code $XDG_CONFIG_HOME/inertia} or {@code ~/.config/inertia}; macOS
 * {@code ~/Library/Application Support/inertia}; Windows {@code %AppData%\inertia}. When no directory
 * can be found the original falls back to {@code /inertia}, and so does this.
 *
 * @param globalDirectory the global config directory
 */
public record ConfigPaths(Path globalDirectory) {
  /** Name of the global remotes file inside {@link #globalDirectory()}. */
  public static final String REMOTES_FILE_NAME = "inertia.remotes";

  /** Default name of the project file, relative to the working directory ({@code --config}). */
  public static final String PROJECT_FILE_NAME = "inertia.toml";

  /** The locations for this process: real environment, {@code os.name} and {@code user.home}. */
  public static ConfigPaths fromSystem() {
    String home = System.getProperty("user.home", "");
    return of(System.getenv(), System.getProperty("os.name", ""), home.isEmpty() ? null : Paths.get(home));
  }

  /**
   * The locations for the given environment, OS name (as in {@code os.name}) and home directory (null
   * when unknown). Pure; used by tests.
   */
  public static ConfigPaths of(Map<String, String> env, String osName, Path home) {
    String override = env.getOrDefault("INERTIA_PATH", "");
    if (!override.isEmpty()) {
      return new ConfigPaths(Paths.get(override));
    }
    Path userConfig = userConfigDir(env, osName.toLowerCase(Locale.ROOT), home);
    return new ConfigPaths(
        userConfig == null ? Paths.get("/inertia") : userConfig.resolve("inertia"));
  }

  /** {@code <globalDirectory>/inertia.remotes}. */
  public Path remotesFile() {
    return globalDirectory.resolve(REMOTES_FILE_NAME);
  }

  private static Path userConfigDir(Map<String, String> env, String os, Path home) {
    if (os.startsWith("windows")) {
      String appData = env.getOrDefault("AppData", env.getOrDefault("APPDATA", ""));
      return appData.isEmpty() ? null : Paths.get(appData);
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return home == null ? null : home.resolve("Library").resolve("Application Support");
    }
    String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
    if (!xdg.isEmpty()) {
      return Paths.get(xdg);
    }
    return home == null ? null : home.resolve(".config");
  }
}
