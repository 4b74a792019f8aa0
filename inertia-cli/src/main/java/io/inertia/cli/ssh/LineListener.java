package io.inertia.cli.ssh;

/** Receives the output of a remote command line by line, as it arrives, on a reader thread. */
@FunctionalInterface
public interface LineListener {
  /** Ignores every line. */
  LineListener NONE = line -> {};

  void line(String line);
}
