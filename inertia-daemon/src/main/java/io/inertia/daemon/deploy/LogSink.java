package io.inertia.daemon.deploy;

/**
 * The live output of one deploy: progress lines (git, builder, Docker build output) as they happen, then exactly
 * one {@link #done(Outcome)}. Called from the deploy worker thread; a slow sink slows the deploy down, a throwing
 * sink is ignored (the deploy goes on and its log is still recorded with the release).
 */
public interface LogSink extends LineSink {
  /** The deploy has ended; no more lines follow. */
  default void done(Outcome outcome) {}

  /** Wraps a line consumer. */
  static LogSink of(LineSink lines) {
    return lines::line;
  }
}
