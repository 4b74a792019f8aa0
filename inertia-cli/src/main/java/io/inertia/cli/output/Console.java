package io.inertia.cli.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The only place the CLI writes to the terminal or reads answers from (docs/architecture.md#boundaries). Colour and emoji
 * follow the original ({@code INERTIA_COLOR}, {@code INERTIA_EMOJI}, {@code --simple}) and are also off
 * when {@code NO_COLOR} is set. Streams are injectable so commands run in tests with captured output.
 * Not thread-safe for prompts; printing is synchronised by the underlying {@link PrintStream}.
 */
public final class Console {
  private static final String RESET = "\u001B[0m";

  private final PrintStream out;
  private final PrintStream err;
  private final InputStream in;
  private final boolean colour;
  private final boolean emoji;
  private final boolean debug;
  private final boolean interactiveTerminal;
  private BufferedReader reader;

  public Console(
      PrintStream out,
      PrintStream err,
      InputStream in,
      boolean colour,
      boolean emoji,
      boolean debug,
      boolean interactiveTerminal) {
    this.out = out;
    this.err = err;
    this.in = in;
    this.colour = colour;
    this.emoji = emoji;
    this.debug = debug;
    this.interactiveTerminal = interactiveTerminal;
  }

  /**
   * The console for this process: {@code --simple} or {@code NO_COLOR} turn colour and emoji off, as do
   * {@code INERTIA_COLOR} / {@code INERTIA_EMOJI} set to anything but "", "true" or "on". Colour is
   * also off when the output is not a terminal (as fatih/color decides).
   */
  public static Console forProcess(
      Map<String, String> env,
      boolean simple,
      boolean debug,
      PrintStream out,
      PrintStream err,
      InputStream in,
      boolean interactiveTerminal) {
    boolean noColor = env.containsKey("NO_COLOR") && !env.get("NO_COLOR").isEmpty();
    boolean colour = interactiveTerminal && !simple && !noColor && enabled(env.get("INERTIA_COLOR"));
    // Emoji only on a terminal (piped output and logs stay plain), unless INERTIA_EMOJI asks for them.
    String emojiSetting = env.getOrDefault("INERTIA_EMOJI", "");
    boolean emoji = !simple && !noColor && enabled(emojiSetting) && (interactiveTerminal || !emojiSetting.isEmpty());
    return new Console(out, err, in, colour, emoji, debug, interactiveTerminal);
  }

  private static boolean enabled(String value) {
    return value == null || value.isEmpty() || value.equals("true") || value.equals("on");
  }

  public PrintStream out() {
    return out;
  }

  public PrintStream err() {
    return err;
  }

  /** Whether output is painted with ANSI colours. */
  public boolean colour() {
    return colour;
  }

  public boolean debugEnabled() {
    return debug;
  }

  /** Renders {@code :emoji:} shortcodes (or strips them) and prints a line to stdout. */
  public void println(String line) {
    out.println(Emoji.render(line, emoji));
  }

  /** Prints to stdout without a newline. */
  public void print(String text) {
    out.print(Emoji.render(text, emoji));
    out.flush();
  }

  /** Prints a raw line (daemon output, JSON) untouched. */
  public void raw(String line) {
    out.println(line);
  }

  /** A warning line on stderr, in yellow. */
  public void warn(String line) {
    err.println(yellow(Emoji.render(line, emoji)));
  }

  /** {@code error: <message>} on stderr, in red, then an optional hint line. */
  public void error(String message, String hint) {
    err.println(red("error: " + Emoji.render(message, emoji)));
    if (hint != null && !hint.isEmpty()) {
      err.println(Emoji.render(hint, emoji));
    }
  }

  /** A {@code DEBUG:} line on stderr, only with {@code --debug}. */
  public void debug(String line) {
    if (debug) {
      err.println("DEBUG: " + line);
    }
  }

  /** A step of a long operation: a bold line on stdout. */
  public void step(String line) {
    println(bold(line));
  }

  public String cyan(String s) {
    return paint("36", s);
  }

  public String bold(String s) {
    return paint("1", s);
  }

  public String red(String s) {
    return paint("31", s);
  }

  public String yellow(String s) {
    return paint("33", s);
  }

  public String green(String s) {
    return paint("32", s);
  }

  private String paint(String code, String s) {
    return colour ? "\u001B[" + code + "m" + s + RESET : s;
  }

  /** Prints {@code question} (no newline) and reads one answer line, trimmed; empty at end of input. */
  public String prompt(String question) {
    print(question.endsWith(" ") ? question : question + " ");
    String line = readLine();
    return line == null ? "" : line.trim();
  }

  /**
   * A yes/no question: {@code y}, {@code yes}, {@code n}, {@code no} in any case, or empty (the
   * default). The original accepted only {@code y}, {@code N} or empty.
   *
   * @throws PromptException for any other answer
   */
  public boolean confirm(String question, boolean defaultAnswer) {
    String answer = prompt(question).toLowerCase(Locale.ROOT);
    switch (answer) {
      case "y", "yes":
        return true;
      case "n", "no":
        return false;
      case "":
        return defaultAnswer;
      default:
        throw new PromptException(
            "illegal input '" + answer + "' provided: please answer y or n");
    }
  }

  /** A list prompt as in the original: {@code Available <x>s:}, {@code   > option}, then the question. */
  public String choose(String kind, List<String> options) {
    println("Available " + kind + "s:");
    for (String o : options) {
      println("  > " + o);
    }
    return prompt("Please enter your desired " + kind + ": ");
  }

  /** Reads a password: without echo on a terminal, else one line of stdin. */
  public String password(String question) {
    java.io.Console system = System.console();
    if (interactiveTerminal && system != null) {
      char[] chars = system.readPassword("%s", Emoji.render(question, emoji));
      return chars == null ? "" : new String(chars);
    }
    print(question);
    String line = readLine();
    if (interactiveTerminal) {
      out.println();
    }
    return line == null ? "" : line.trim();
  }

  /** Everything left on standard input (a value piped in), as UTF-8. */
  public String readAll() {
    try {
      if (reader == null) {
        reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      for (int n; (n = reader.read(buf)) > 0; ) {
        sb.append(buf, 0, n);
      }
      return sb.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read from standard input", e);
    }
  }

  private String readLine() {
    try {
      if (reader == null) {
        reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      return reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read from standard input", e);
    }
  }

  /** An answer to a prompt that cannot be used. */
  public static final class PromptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PromptException(String message) {
      super(message);
    }
  }
}
