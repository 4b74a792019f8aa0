package io.inertia.cli;

import io.inertia.common.Version;

/**
 * The launcher's entry point: answers a lone {@code --version} before any other class of the CLI (or
 * picocli) is loaded (docs/performance.md, P1a), then hands over to {@link InertiaCli}. Kept free of
 * references to other CLI types so the JVM verifies and loads nothing else first.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-v"))) {
      // The jar's manifest (already read to define this class's package) carries the version; reading
      // version.properties instead would open the 10 000-entry jar a second time.
      String version = Main.class.getPackage().getImplementationVersion();
      System.out.println("inertia version " + (version != null ? version : Version.current()));
      return;
    }
    InertiaCli.main(args);
  }
}
