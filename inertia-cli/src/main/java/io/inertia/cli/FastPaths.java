package io.inertia.cli;

import io.inertia.common.config.ConfigFiles;
import io.inertia.common.config.ConfigPaths;
import io.inertia.common.config.RemoteConfig;
import io.inertia.cli.local.RemoteNamesScanner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Commands answered without building the picocli tree (docs/performance.md, P1b): a plain {@code remote ls}
 * only reads the remotes file and prints names. Anything unusual (other flags, a missing or broken
 * file) returns false and takes the normal path, so messages stay identical.
 */
final class FastPaths {
  private FastPaths() {}

  /** Handles {@code remote ls} / {@code r ls}; returns false when the normal path must run. */
  static boolean remoteLs(String[] args, Map<String, String> env, PrintStream out) {
    if (args.length != 2 || !(args[0].equals("remote") || args[0].equals("r")) || !args[1].equals("ls")) {
      return false;
    }
    try {
      String home = env.getOrDefault("HOME", System.getProperty("user.home", ""));
      Path file =
          ConfigPaths.of(env, System.getProperty("os.name", ""), home.isEmpty() ? null : Path.of(home))
              .remotesFile();
      if (!Files.isRegularFile(file)) {
        return false;
      }
      // The names-only scanner avoids loading Jackson; an unusual file takes the full loader.
      List<String> names =
          RemoteNamesScanner.names(Files.readString(file))
              .orElseGet(() -> ConfigFiles.loadRemotes(file).remotes().stream().map(RemoteConfig::name).toList());
      StringBuilder sb = new StringBuilder();
      for (String name : names) {
        sb.append(name).append('\n');
      }
      out.print(sb);
      out.flush();
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
