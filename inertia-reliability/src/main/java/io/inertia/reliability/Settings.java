package io.inertia.reliability;

import io.inertia.common.Version;
import java.util.Map;

/**
 * What the environment may change (all optional): the image, the stall attack's size and hold time, the number of
 * fuzzed requests and their seed, the overall time budget, and whether to keep the containers for a look afterwards.
 */
public record Settings(
    String image, int stallConnections, int stallSeconds, int fuzzRequests, long seed, int budgetSeconds,
    boolean keep, String prefix, long startNanos) {

  public static Settings fromEnvironment(Map<String, String> env) {
    String image = env.getOrDefault("INERTIA_RELIABILITY_IMAGE", "ghcr.io/ubclaunchpad/inertiad:" + Version.current());
    long seed = env.containsKey("INERTIA_RELIABILITY_SEED")
        ? Long.parseLong(env.get("INERTIA_RELIABILITY_SEED").trim())
        : System.currentTimeMillis();
    String suffix = Long.toHexString(System.nanoTime() & 0xffffffL);
    return new Settings(
        image,
        number(env, "INERTIA_RELIABILITY_STALL_CONNECTIONS", 100),
        number(env, "INERTIA_RELIABILITY_STALL_SECONDS", 60),
        number(env, "INERTIA_RELIABILITY_FUZZ_REQUESTS", 10_000),
        seed,
        number(env, "INERTIA_RELIABILITY_BUDGET_SECONDS", 600),
        "1".equals(env.get("INERTIA_RELIABILITY_KEEP")),
        "inertia-reliability-" + suffix,
        System.nanoTime());
  }

  public long elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1_000_000_000L;
  }

  private static int number(Map<String, String> env, String name, int fallback) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n <= 0) {
        throw new IllegalArgumentException(name + " must be positive, got " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got " + v, e);
    }
  }
}
