package io.inertia.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product version, taken from the Maven project version at build time (e.g. {@code v0.8.0}). */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  /** The version string as the CLI and daemon report it, with a leading {@code v}. */
  public static String current() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "latest";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "").trim();
      // An unfiltered resource (IDE build) or an empty value means a dev build: the original calls that "latest".
      return v.isEmpty() || v.contains("${") ? "latest" : v;
    } catch (IOException e) {
      return "latest";
    }
  }
}
