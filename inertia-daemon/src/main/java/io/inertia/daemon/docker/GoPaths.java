package io.inertia.daemon.docker;

import java.util.ArrayDeque;
import java.util.Deque;

/** Lexical path cleaning as Go's {@code filepath.Clean} does it on Linux, which {@code docker build} applies. */
final class GoPaths {
  private GoPaths() {}

  /**
   * The shortest equivalent path: repeated and trailing {@code /} removed, {@code .} elements dropped, {@code ..}
   * resolved lexically ({@code ..} at the start of a relative path stays, at the root it is dropped); {@code "."} for
   * an empty result.
   */
  static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.startsWith("/");
    Deque<String> out = new ArrayDeque<>();
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!out.isEmpty() && !out.peekLast().equals("..")) {
          out.removeLast();
        } else if (!rooted) {
          out.addLast(part);
        }
        continue;
      }
      out.addLast(part);
    }
    String joined = String.join("/", out);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }
}
