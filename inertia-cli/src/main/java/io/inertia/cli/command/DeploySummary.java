package io.inertia.cli.command;

import io.inertia.cli.daemon.DaemonClient;
import io.inertia.cli.daemon.DaemonException;
import io.inertia.cli.output.Console;
import io.inertia.common.api.Release;
import io.inertia.common.config.RemoteConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The last line of a finished {@code up} or {@code rollback}: which release serves now, its commit,
 * how long it took, and where (the remote's host).
 */
final class DeploySummary {
  private DeploySummary() {}

  static void print(Console console, DaemonClient client, RemoteConfig remote, long startedNanos) {
    Duration local = Duration.ofNanos(System.nanoTime() - startedNanos);
    List<Release> releases;
    try {
      releases = client.releases();
    } catch (DaemonException e) {
      console.debug("no releases for the summary: " + e.getMessage());
      releases = List.of();
    }
    Release serving = releases.stream().filter(Release::current).findFirst()
        .orElse(releases.isEmpty() ? null : releases.get(0));
    String where = " on remote '" + remote.name() + "' (" + remote.ip() + ")";
    if (serving == null) {
      console.println(":rocket: deployed" + where + " in " + seconds(local));
      return;
    }
    console.println(":rocket: release #" + serving.id() + " is serving" + where + ": "
        + ReleasesCommand.describe(serving) + ", took " + seconds(took(serving, local)));
  }

  private static Duration took(Release r, Duration fallback) {
    try {
      if (r.startedAt() != null && r.finishedAt() != null && !r.finishedAt().isEmpty()) {
        return Duration.between(Instant.parse(r.startedAt()), Instant.parse(r.finishedAt()));
      }
    } catch (DateTimeParseException ignored) {
      // An unexpected time format: the time measured here is close enough.
    }
    return fallback;
  }

  static String seconds(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return s >= 60 ? s / 60 + " min " + s % 60 + " s" : d.toMillis() < 10_000
        ? String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0) : s + " s";
  }
}
