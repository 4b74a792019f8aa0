package io.inertia.cli;

import io.inertia.cli.output.Console;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * Usage errors as a person reads them: one {@code error:} line naming the problem in plain words, the
 * command's short form, and where to read more; exit code 2. Replaces picocli's default (the whole help
 * after a message in Java terms such as "'abc' is not an int").
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
  static final int EXIT_USAGE = 2;

  private static final Pattern NOT_A_NUMBER =
      Pattern.compile("Invalid value for (option|positional parameter at index \\d+) \\(?'?([^':)]+)'?\\)?: '(.*)' is not an? (int|long|integer)",
          Pattern.DOTALL);
  private static final Pattern INVALID_VALUE =
      Pattern.compile("Invalid value for (?:option|positional parameter at index \\d+) \\(?'?([^':)]+)'?\\)?: (.*)", Pattern.DOTALL);

  private final Console console;

  UsageErrors(Console console) {
    this.console = console;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    console.error(asTyped(describe(ex), ex, args), null);
    console.err().println("usage: " + synopsis(cl.getCommandSpec()));
    console.err().println("see '" + cl.getCommandSpec().qualifiedName() + " --help'");
    return EXIT_USAGE;
  }

  /** The problem in one sentence. */
  static String describe(ParameterException ex) {
    CommandSpec spec = ex.getCommandLine().getCommandSpec();
    if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String first = u.getUnmatched().get(0);
      List<String> suggestions = u.getSuggestions();
      String didYouMean = suggestions.isEmpty() ? "" : " (did you mean '" + String.join("' or '", suggestions) + "'?)";
      if (first.startsWith("-") && first.length() > 1 && !isNumber(first)) {
        return "unknown option '" + first + "' for '" + spec.qualifiedName() + "'" + didYouMean;
      }
      if (!spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
        return "unknown command '" + first + "' for '" + spec.qualifiedName() + "'" + didYouMean;
      }
      return "unexpected argument" + (u.getUnmatched().size() > 1 ? "s " : " ") + quoted(u.getUnmatched())
          + " for '" + spec.qualifiedName() + "'";
    }
    if (ex instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
      List<String> names = new ArrayList<>();
      boolean option = false;
      for (ArgSpec a : m.getMissing()) {
        if (a instanceof OptionSpec o) {
          option = true;
          names.add(o.longestName());
        } else {
          names.add(a.paramLabel());
        }
      }
      String message = ex.getMessage();
      if (option && message.startsWith("Missing required parameter for option")) {
        return "option '" + names.get(0) + "' needs a value";
      }
      return "missing " + (option ? "option" : "argument") + (names.size() > 1 ? "s " : " ") + String.join(", ", names);
    }
    String message = ex.getMessage() == null ? "invalid arguments" : ex.getMessage();
    Matcher n = NOT_A_NUMBER.matcher(message);
    if (n.find()) {
      return n.group(2).trim() + " needs a whole number, not '" + n.group(3) + "'";
    }
    Matcher v = INVALID_VALUE.matcher(message);
    if (v.find()) {
      return "invalid value for " + v.group(1).trim() + ": " + v.group(2);
    }
    return message.isEmpty() ? message : message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
  }

  /** Names an option the way it was typed ({@code -n}, not its longest alias {@code --entries}). */
  private static String asTyped(String message, ParameterException ex, String[] args) {
    if (!(ex.getArgSpec() instanceof OptionSpec o)) {
      return message;
    }
    for (String arg : args) {
      for (String name : o.names()) {
        if (!name.equals(o.longestName()) && (arg.equals(name) || arg.startsWith(name + "="))) {
          return message.replace(o.longestName(), name);
        }
      }
    }
    return message;
  }

  /** {@code inertia demo logs [options] [service]}: the command, its options as one word, its arguments. */
  static String synopsis(CommandSpec spec) {
    StringBuilder sb = new StringBuilder(spec.qualifiedName());
    boolean ownOptions = spec.options().stream().anyMatch(o -> !o.inherited() && !o.hidden() && !o.usageHelp()
        && !o.versionHelp());
    if (ownOptions) {
      sb.append(" [options]");
    }
    if (!spec.subcommands().isEmpty()) {
      sb.append(" COMMAND");
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (p.hidden()) {
        continue;
      }
      boolean optional = p.arity().min() == 0;
      String label = p.paramLabel() + (p.arity().max() > 1 ? "..." : "");
      sb.append(' ').append(optional ? "[" + label + "]" : label);
    }
    return sb.toString();
  }

  private static boolean isNumber(String s) {
    return s.matches("-?\\d+");
  }

  private static String quoted(List<String> args) {
    return "'" + String.join("' '", args) + "'";
  }
}
