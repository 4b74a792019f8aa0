package io.inertia.common.git;

/**
 * Git ref names as webhooks carry them (docs/original.md#webhooks): {@code refs/heads/feat/x} is branch {@code feat/x}.
 *
 * <p>Pure functions, thread-safe.
 */
public final class GitRefs {
  private static final String HEADS = "refs/heads/";
  private static final String TAGS = "refs/tags/";

  private GitRefs() {}

  /**
   * The ref without its first two path segments, as the original computes the branch: {@code refs/heads/main} →
   * {@code main}, {@code refs/heads/feat/x} → {@code feat/x}, {@code refs/tags/v1} → {@code v1}. A name with fewer
   * than three segments is returned unchanged.
   */
  public static String shortName(String ref) {
    if (ref == null) {
      return "";
    }
    int first = ref.indexOf('/');
    int second = first < 0 ? -1 : ref.indexOf('/', first + 1);
    return second < 0 ? ref : ref.substring(second + 1);
  }

  /** True for {@code refs/heads/…}. */
  public static boolean isBranch(String ref) {
    return ref != null && ref.startsWith(HEADS) && ref.length() > HEADS.length();
  }

  /** True for {@code refs/tags/…}. */
  public static boolean isTag(String ref) {
    return ref != null && ref.startsWith(TAGS);
  }

  /** {@code refs/heads/<branch>}. */
  public static String branchRef(String branch) {
    return HEADS + branch;
  }
}
