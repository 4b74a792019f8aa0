package io.inertia.daemon.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code .dockerignore} rules of a build context, read and applied as {@code docker build} does:
 *
 * <ul>
 *   <li>lines starting with {@code #} are comments; blank lines are skipped; surrounding spaces are trimmed; a UTF-8
 *       BOM on the first line is dropped;
 *   <li>each pattern is cleaned lexically ({@code ./a/../b/} is {@code b}), a leading {@code /} is dropped;
 *   <li>{@code !pattern} is an exception: the last pattern matching a path (or one of its parent directories) decides;
 *   <li>{@code .dockerignore} itself and the Dockerfile are always sent, even when a pattern matches them;
 *   <li>an excluded directory is not descended into unless an exception pattern starts with its path.
 * </ul>
 *
 * See {@link IgnorePattern} for the pattern syntax. Immutable.
 */
final class DockerIgnore {
  /** Per-pattern results of a directory, passed on to its entries (as {@code docker build} does). */
  record Match(boolean excluded, boolean[] matchedPatterns) {}

  private final List<IgnorePattern> patterns;
  private final boolean exclusions;

  private DockerIgnore(List<IgnorePattern> patterns) {
    this.patterns = List.copyOf(patterns);
    this.exclusions = patterns.stream().anyMatch(IgnorePattern::exclusion);
  }

  /**
   * The rules of the context at {@code root} for a build with {@code dockerfile} (relative to the root).
   *
   * @throws IllegalArgumentException for a pattern {@code docker build} refuses
   */
  static DockerIgnore read(Path root, String dockerfile) throws IOException {
    Path file = root.resolve(".dockerignore");
    List<String> lines = Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    return of(keepBuildFiles(parse(lines), dockerfile));
  }

  /** The patterns of a {@code .dockerignore} file's lines, normalised. */
  static List<String> parse(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.startsWith("#")) {
        continue;
      }
      String p = line.strip();
      if (p.isEmpty()) {
        continue;
      }
      boolean invert = p.charAt(0) == '!';
      if (invert) {
        p = p.substring(1).strip();
      }
      if (!p.isEmpty()) {
        p = GoPaths.clean(p);
        if (p.length() > 1 && p.charAt(0) == '/') {
          p = p.substring(1);
        }
      }
      out.add(invert ? "!" + p : p);
    }
    return out;
  }

  /** Adds exceptions so {@code .dockerignore} and the Dockerfile are sent even when a pattern excludes them. */
  static List<String> keepBuildFiles(List<String> patterns, String dockerfile) {
    List<String> out = new ArrayList<>(patterns);
    if (of(out).matchesOrParentMatches(".dockerignore")) {
      out.add("!.dockerignore");
    }
    String file = GoPaths.clean(dockerfile);
    if (of(out).matchesOrParentMatches(file)) {
      out.add("!" + file);
    }
    return out;
  }

  static DockerIgnore of(List<String> patterns) {
    List<IgnorePattern> compiled = new ArrayList<>();
    for (String p : patterns) {
      if (!p.isBlank()) {
        compiled.add(IgnorePattern.compile(p));
      }
    }
    return new DockerIgnore(compiled);
  }

  /** True when {@code path} is excluded, judging every pattern against the path and each of its parents. */
  boolean matchesOrParentMatches(String path) {
    path = GoPaths.clean(path);
    if (path.equals(".")) {
      return false;
    }
    boolean matched = false;
    for (IgnorePattern p : patterns) {
      if (p.exclusion() != matched) {
        continue;
      }
      if (p.matches(path) || parentMatches(p, path)) {
        matched = !p.exclusion();
      }
    }
    return matched;
  }

  /**
   * Whether {@code path} is excluded, given its parent directory's result ({@code null} for entries of the root):
   * the walk {@code docker build} does, where a pattern that matched a directory counts as matching its entries.
   */
  Match match(String path, Match parent) {
    boolean[] parentMatched = parent == null ? null : parent.matchedPatterns();
    boolean[] matchedPatterns = new boolean[patterns.size()];
    boolean matched = false;
    for (int i = 0; i < patterns.size(); i++) {
      IgnorePattern p = patterns.get(i);
      boolean match = parentMatched != null && parentMatched[i];
      if (!match) {
        if (p.exclusion() != matched) {
          continue;
        }
        match = p.matches(path) || (parentMatched == null && parentMatches(p, path));
      }
      matchedPatterns[i] = match;
      if (match) {
        matched = !p.exclusion();
      }
    }
    return new Match(matched, matchedPatterns);
  }

  /** For an excluded directory: true when an exception may re-include something below it (so walk into it). */
  boolean mayIncludeBelow(String dir) {
    if (!exclusions) {
      return false;
    }
    String dirSlash = dir + "/";
    for (IgnorePattern p : patterns) {
      if (p.exclusion() && (p.text() + "/").startsWith(dirSlash)) {
        return true;
      }
    }
    return false;
  }

  private static boolean parentMatches(IgnorePattern p, String path) {
    int slash = path.indexOf('/');
    while (slash >= 0) {
      if (p.matches(path.substring(0, slash))) {
        return true;
      }
      slash = path.indexOf('/', slash + 1);
    }
    return false;
  }
}
