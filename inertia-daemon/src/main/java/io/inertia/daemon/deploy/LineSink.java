package io.inertia.daemon.deploy;

/** Receives output one line at a time (no trailing newline). Implementations must be thread-safe and not block long. */
@FunctionalInterface
public interface LineSink {
  void line(String line);

  /** Discards everything. */
  static LineSink none() {
    return line -> {};
  }
}
