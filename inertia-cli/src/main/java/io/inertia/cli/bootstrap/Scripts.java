package io.inertia.cli.bootstrap;

import io.inertia.cli.ssh.ShellWords;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The bootstrap shell scripts (resources {@code io/inertia/cli/bootstrap/*.sh}) and their templating.
 *
 * <p>Templating never splices values into script text: each value becomes a single-quoted shell
 * variable assignment placed before the script body ({@code IMAGE='…'}), so any content is safe.
 * The result runs as {@code sh -c '<script>'} through the login shell, like the original's {@code
 * session.Run(script)}, but always under {@code sh} whatever the login shell is.
 */
public final class Scripts {
  public static final String DOCKER = "docker.sh";
  public static final String KEYGEN = "keygen.sh";
  public static final String DAEMON_UP = "daemon-up.sh";
  public static final String TOKEN = "token.sh";
  public static final String DAEMON_DOWN = "daemon-down.sh";
  public static final String INERTIA_DOWN = "inertia-down.sh";

  private static final Pattern NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

  private Scripts() {}

  /** The text of a bundled script. */
  public static String load(String name) {
    try (InputStream in = Scripts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no bundled script " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The script with {@code vars} assigned at its top (after the {@code #!} line), in map order.
   *
   * @throws IllegalArgumentException for a variable name that is not {@code [A-Z_][A-Z0-9_]*}
   */
  public static String render(String script, Map<String, String> vars) {
    StringBuilder head = new StringBuilder();
    for (Map.Entry<String, String> e : vars.entrySet()) {
      if (!NAME.matcher(e.getKey()).matches()) {
        throw new IllegalArgumentException("invalid script variable name " + e.getKey());
      }
      head.append(e.getKey()).append('=').append(ShellWords.quote(e.getValue())).append('\n');
    }
    if (script.startsWith("#!")) {
      int eol = script.indexOf('\n');
      String shebang = eol < 0 ? script : script.substring(0, eol + 1);
      String body = eol < 0 ? "" : script.substring(eol + 1);
      return shebang + head + body;
    }
    return head + script;
  }

  /**
   * {@code sh -c '<rendered script>' <name>}: the command line that runs a bundled script remotely.
   * The name becomes {@code $0}, so the shell's own errors read {@code docker.sh: 12: …}.
   */
  public static String command(String name, Map<String, String> vars) {
    return "sh -c " + ShellWords.quote(render(load(name), vars)) + " " + name;
  }
}
