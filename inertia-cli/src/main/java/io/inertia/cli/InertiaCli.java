package io.inertia.cli;

import io.inertia.common.Version;

/** Entry point of {@code inertia}. */
public final class InertiaCli {
  private InertiaCli() {}

  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-v"))) {
      System.out.println("inertia version " + Version.current());
      return;
    }
    System.err.println("usage: inertia --version");
    System.exit(2);
  }
}
