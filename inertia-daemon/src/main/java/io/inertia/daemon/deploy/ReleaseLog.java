package io.inertia.daemon.deploy;

import java.util.ArrayDeque;

/**
 * Forwards lines to the live sink and keeps the last {@link DeploymentService#LOG_CAP_BYTES} bytes for the release
 * record.
 */
final class ReleaseLog implements LineSink {
  private final LineSink live;
  private final ArrayDeque<String> lines = new ArrayDeque<>();
  private long size;

  ReleaseLog(LineSink live) {
    this.live = live;
  }

  @Override
  public synchronized void line(String line) {
    DeployQueue.safeLine(live, line);
    lines.addLast(line);
    size += line.length() + 1;
    while (size > DeploymentService.LOG_CAP_BYTES && lines.size() > 1) {
      size -= lines.removeFirst().length() + 1;
    }
  }

  synchronized String text() {
    return String.join("\n", lines);
  }
}
