package io.inertia.daemon.webhook;

/** Makes attacker-controlled text safe to echo in a message: clipped and free of control characters. */
final class Texts {
  static final int MAX_ECHO = 100;

  private Texts() {}

  static String clip(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_ECHO + 3));
    for (int i = 0; i < s.length() && i < MAX_ECHO; i++) {
      char c = s.charAt(i);
      b.append(Character.isISOControl(c) ? '?' : c);
    }
    if (s.length() > MAX_ECHO) {
      b.append("...");
    }
    return b.toString();
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
