package io.inertia.daemon;

import io.inertia.common.Version;

/** Entry point of {@code inertiad}. */
public final class InertiaDaemon {
  private InertiaDaemon() {}

  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-v"))) {
      System.out.println("inertiad version " + Version.current());
      return;
    }
    System.err.println("usage: inertiad [run|token|--version]");
    System.exit(2);
  }
}
