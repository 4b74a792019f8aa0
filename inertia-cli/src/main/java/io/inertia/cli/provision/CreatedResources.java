package io.inertia.cli.provision;

import io.inertia.cli.output.Console;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What {@code provision ec2} has created so far, each with how to remove it. On failure they are removed
 * newest first; whatever cannot be removed is reported by name so the user can remove it by hand.
 */
final class CreatedResources {
  /** Removes one resource; throws with a reason when it cannot. */
  @FunctionalInterface
  interface Removal {
    void remove() throws Exception;
  }

  private record Entry(String description, Removal removal) {}

  private final Deque<Entry> entries = new ArrayDeque<>();

  void add(String description, Removal removal) {
    entries.push(new Entry(description, removal));
  }

  /** Descriptions, oldest first. */
  List<String> descriptions() {
    List<String> d = new ArrayList<>();
    entries.descendingIterator().forEachRemaining(e -> d.add(e.description()));
    return d;
  }

  /**
   * Removes everything, newest first, printing each step.
   *
   * @return what is left, each with the reason; empty when all was removed
   */
  List<String> removeAll(Console console) {
    List<String> left = new ArrayList<>();
    while (!entries.isEmpty()) {
      Entry e = entries.pop();
      console.println("Removing " + e.description() + "...");
      try {
        e.removal().remove();
      } catch (Exception ex) {
        if (ex instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        left.add(e.description() + " (" + ex.getMessage() + ")");
      }
    }
    return left;
  }
}
