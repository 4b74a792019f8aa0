package io.inertia.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code make reliability}: runs the suite against the daemon image on the local Docker engine, prints one table
 * (check, tried, held, figure) on stdout, and exits 1 when any check did not hold (2 on a usage error). Progress goes
 * to stderr. Everything it starts is labelled {@code io.inertia.test=true} and removed at the end.
 */
public final class Main {
  private final Settings settings;
  private final Table table = new Table();
  private Daemon daemon;
  private Suite suite;
  private Path tmp;
  private boolean finished;

  private Main(Settings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) {
    Settings settings;
    try {
      settings = Settings.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(new Main(settings).run());
  }

  private int run() {
    System.err.printf("[reliability] image %s, %d stalled connections for %d s, %d fuzzed requests (seed %d),"
        + " budget %d s%n", settings.image(), settings.stallConnections(), settings.stallSeconds(),
        settings.fuzzRequests(), settings.seed(), settings.budgetSeconds());
    Thread watchdog = new Thread(this::watch, "budget");
    watchdog.setDaemon(true);
    watchdog.start();
    try {
      preflight();
      tmp = Files.createTempDirectory("inertia-reliability-");
      Path home = Files.createDirectories(tmp.resolve("home"));
      byte[] secret = new byte[16];
      new SecureRandom().nextBytes(secret);
      String webhookSecret = HexFormat.of().formatHex(secret);
      daemon = new Daemon(settings.image(), settings.prefix() + "-daemon", home, webhookSecret);
      suite = new Suite(settings, table, daemon, tmp, webhookSecret);
      suite.run();
    } catch (Exception e) {
      table.add("suite ran to the end", "every step", false, "stopped: " + e.getMessage());
    }
    return finish(false);
  }

  private synchronized int finish(boolean outOfTime) {
    if (finished) {
      return 1;
    }
    finished = true;
    if (outOfTime) {
      table.add("time budget", settings.budgetSeconds() + " s", false, "the suite did not finish in time");
    } else {
      table.add("time budget", settings.budgetSeconds() + " s", settings.elapsedSeconds() <= settings.budgetSeconds(),
          settings.elapsedSeconds() + " s");
    }
    if (settings.keep()) {
      System.err.println("[reliability] INERTIA_RELIABILITY_KEEP=1: containers and " + tmp + " are left in place");
    } else {
      cleanUp();
    }
    System.out.println();
    table.print(System.out);
    System.out.flush();
    return table.allHeld() ? 0 : 1;
  }

  private void watch() {
    try {
      Thread.sleep(Duration.ofSeconds(settings.budgetSeconds()).toMillis());
    } catch (InterruptedException e) {
      return;
    }
    System.err.println("[reliability] time budget exhausted; stopping");
    int code = finish(true);
    Runtime.getRuntime().halt(code == 0 ? 1 : code);
  }

  private void preflight() {
    if (!Proc.run(null, Map.of(), Duration.ofSeconds(20), List.of("docker", "version")).ok()) {
      throw new IllegalStateException("no Docker engine answers `docker version`");
    }
    if (!Proc.dockerQuiet("image", "inspect", settings.image()).ok()) {
      throw new IllegalStateException(settings.image() + " is missing: run `make daemon-image`"
          + " (or set INERTIA_RELIABILITY_IMAGE)");
    }
    Path resources = Path.of("inertia-daemon/src/test/resources");
    ensureImage(Project.BASE_IMAGE, resources.resolve("fixtures/base"));
    ensureImage(Project.GIT_IMAGE, resources.resolve("gitserver"));
  }

  private static void ensureImage(String tag, Path dir) {
    if (Proc.dockerQuiet("image", "inspect", tag).ok()) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(tag + " is missing and " + dir + " is not here: run from the repository root");
    }
    System.err.println("[reliability] building " + tag);
    Proc.docker(Duration.ofMinutes(10), "build", "-q", "-t", tag, "--label", "io.inertia.test=true", dir.toString());
  }

  private void cleanUp() {
    if (daemon != null) {
      daemon.remove();
    }
    if (suite != null) {
      suite.cleanUp();
    }
    Proc.dockerQuiet("rm", "-f", settings.prefix() + "-owner");
    for (int i = 0; i < 3; i++) {
      Proc.dockerQuiet("rm", "-f", settings.prefix() + "-brute-" + i);
    }
    if (tmp != null) {
      try (Stream<Path> walk = Files.walk(tmp)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // best effort
      }
      if (Files.exists(tmp)) {
        // files the daemon (root in its container) wrote: remove them the way they were made
        Proc.dockerQuiet("run", "--rm", "--label", "io.inertia.test=true", "-v", tmp + ":/x", "debian:bookworm",
            "sh", "-c", "rm -rf /x/* /x/.[!.]*");
        tmp.toFile().delete();
      }
    }
  }
}
