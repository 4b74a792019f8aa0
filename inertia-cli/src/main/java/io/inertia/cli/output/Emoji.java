package io.inertia.cli.output;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code :shortcode:} emoji the original prints (kyokomi/emoji), rendered to Unicode or stripped. */
final class Emoji {
  private static final Pattern CODE = Pattern.compile(":([a-z0-9_+\\-]+):");
  private static final Map<String, String> CODES =
      Map.ofEntries(
          Map.entry("question", "\u2753"),
          Map.entry("evergreen_tree", "\uD83C\uDF32"),
          Map.entry("christmas_tree", "\uD83C\uDF84"),
          Map.entry("whale", "\uD83D\uDC33"),
          Map.entry("hammer", "\uD83D\uDD28"),
          Map.entry("hammer_and_wrench", "\uD83D\uDEE0\uFE0F"),
          Map.entry("robot", "\uD83E\uDD16"),
          Map.entry("star", "\u2B50"),
          Map.entry("books", "\uD83D\uDCDA"),
          Map.entry("ledger", "\uD83D\uDCD2"),
          Map.entry("globe_with_meridians", "\uD83C\uDF10"),
          Map.entry("key", "\uD83D\uDD11"),
          Map.entry("dancer", "\uD83D\uDC83"),
          Map.entry("secret", "\u3299\uFE0F"),
          Map.entry("boat", "\u26F5"),
          Map.entry("rocket", "\uD83D\uDE80"),
          Map.entry("warning", "\u26A0\uFE0F"),
          Map.entry("computer", "\uD83D\uDCBB"),
          Map.entry("lock", "\uD83D\uDD12"),
          Map.entry("unlock", "\uD83D\uDD13"),
          Map.entry("electric_plug", "\uD83D\uDD0C"),
          Map.entry("inbox_tray", "\uD83D\uDCE5"),
          Map.entry("circus_tent", "\uD83C\uDFAA"),
          Map.entry("straight_ruler", "\uD83D\uDCCF"),
          Map.entry("ok_hand", "\uD83D\uDC4C"),
          Map.entry("white_check_mark", "\u2705"),
          Map.entry("x", "\u274C"),
          Map.entry("fire", "\uD83D\uDD25"),
          Map.entry("package", "\uD83D\uDCE6"),
          Map.entry("scroll", "\uD83D\uDCDC"),
          Map.entry("information_source", "\u2139\uFE0F"),
          Map.entry("bookmark", "\uD83D\uDD16"),
          Map.entry("arrows_counterclockwise", "\uD83D\uDD04"),
          Map.entry("wave", "\uD83D\uDC4B"));

  private Emoji() {}

  /** Replaces known shortcodes by their emoji (followed by a space, as kyokomi/emoji does) or removes them. */
  static String render(String text, boolean enabled) {
    if (text.indexOf(':') < 0) {
      return text;
    }
    Matcher m = CODE.matcher(text);
    StringBuilder sb = new StringBuilder();
    int last = 0;
    while (m.find()) {
      String emoji = CODES.get(m.group(1));
      if (emoji == null) {
        continue;
      }
      sb.append(text, last, m.start());
      boolean spaceFollows = m.end() < text.length() && text.charAt(m.end()) == ' ';
      if (enabled) {
        sb.append(emoji).append(spaceFollows ? "" : " ");
        last = m.end();
      } else {
        last = spaceFollows ? m.end() + 1 : m.end();
      }
    }
    sb.append(text, last, text.length());
    return sb.toString();
  }
}
