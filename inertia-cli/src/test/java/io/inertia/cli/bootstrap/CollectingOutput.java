package io.inertia.cli.bootstrap;

import java.util.ArrayList;
import java.util.List;

/** Records bootstrap output (and echoes it, for the IT log). */
final class CollectingOutput implements BootstrapOutput {
  private final List<String> lines = new ArrayList<>();

  @Override
  public synchronized void message(String text) {
    lines.add(text);
    System.out.println(text);
  }

  @Override
  public synchronized void remote(String line, boolean stderr) {
    lines.add(line);
    System.out.println((stderr ? "  ! " : "  | ") + line);
  }

  synchronized String text() {
    return String.join("\n", lines);
  }

  synchronized void clear() {
    lines.clear();
  }
}
