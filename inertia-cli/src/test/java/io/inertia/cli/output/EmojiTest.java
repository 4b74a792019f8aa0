package io.inertia.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EmojiTest {
  /** A shortcode inside a Java string literal: every one the CLI prints must render (or strip) cleanly. */
  private static final Pattern IN_STRING = Pattern.compile("\"[^\"\\n]*?:([a-z0-9_]+):[^\"\\n]*\"");

  @Test
  void everyShortcodeInTheSourcesIsKnown() throws IOException {
    Set<String> unknown = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        Matcher m = IN_STRING.matcher(Files.readString(f));
        while (m.find()) {
          String code = m.group(1);
          if (Emoji.render(":" + code + ":", false).equals(":" + code + ":")) {
            unknown.add(code + " (" + f.getFileName() + ")");
          }
        }
      }
    }
    assertTrue(unknown.isEmpty(), "shortcodes without an emoji: " + unknown);
  }

  @Test
  void rendersOrStrips() {
    assertEquals("\uD83E\uDD16 Step 3/4: Starting daemon...", Emoji.render(":robot: Step 3/4: Starting daemon...", true));
    assertEquals("Step 3/4: Starting daemon...", Emoji.render(":robot: Step 3/4: Starting daemon...", false));
    assertEquals("no :such: code", Emoji.render("no :such: code", true));
  }
}
