package io.inertia.cli.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The bash completion script (zsh loads the same through {@code bashcompinit}), made from the command
 * tree: for every command path the subcommands, options and what its first argument is. Remote names
 * come from {@code inertia remote ls} (answered without the full CLI), service names from
 * {@code inertia <remote> logs --list-names}, files from bash itself.
 */
final class CompletionScript {
  private CompletionScript() {}

  static String bash(CommandLine full) {
    Map<String, CommandSpec> paths = new LinkedHashMap<>();
    collect("", full, paths);
    StringBuilder commands = new StringBuilder();
    StringBuilder options = new StringBuilder();
    StringBuilder valued = new StringBuilder();
    StringBuilder args = new StringBuilder();
    for (Map.Entry<String, CommandSpec> e : paths.entrySet()) {
      String path = e.getKey();
      CommandSpec spec = e.getValue();
      List<String> subs = new ArrayList<>(spec.subcommands().keySet());
      if (path.isEmpty()) {
        subs.remove(CommandTrees.REMOTE);
      }
      caseLine(commands, path, String.join(" ", subs));
      List<String> opts = new ArrayList<>();
      List<String> withValue = new ArrayList<>();
      for (OptionSpec o : spec.options()) {
        if (o.hidden()) {
          continue;
        }
        for (String n : o.names()) {
          opts.add(n);
          if (o.arity().max() > 0 && !o.negatable()) {
            withValue.add(n);
          }
        }
        if (o.negatable()) {
          opts.add(o.longestName().replaceFirst("^--", "--no-"));
        }
      }
      caseLine(options, path, String.join(" ", opts));
      caseLine(valued, path, String.join(" ", withValue));
      List<String> kinds = new ArrayList<>();
      for (PositionalParamSpec p : spec.positionalParameters()) {
        kinds.add(kind(p.paramLabel()));
      }
      caseLine(args, path, String.join(" ", kinds));
    }
    return TEMPLATE
        .replace("@COMMANDS@", commands)
        .replace("@OPTIONS@", options)
        .replace("@VALUED@", valued)
        .replace("@ARGS@", args);
  }

  /** What a positional argument completes to: remote, service, file, or nothing. */
  private static String kind(String label) {
    return switch (label) {
      case "REMOTE" -> "remote";
      case "SERVICE" -> "service";
      case "FILE" -> "file";
      case "COMMAND" -> "command";
      default -> "-";
    };
  }

  private static void collect(String path, CommandLine cl, Map<String, CommandSpec> out) {
    out.put(path, cl.getCommandSpec());
    for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
      collect(path.isEmpty() ? e.getKey() : path + " " + e.getKey(), e.getValue(), out);
    }
  }

  private static void caseLine(StringBuilder sb, String path, String words) {
    if (!words.isEmpty()) {
      sb.append("    \"").append(path).append("\") echo \"").append(words).append("\" ;;\n");
    }
  }

  private static final String TEMPLATE = """
      # Completion of 'inertia' for bash, and for zsh through bashcompinit. Made by 'inertia completion bash'.
      # Install: see 'inertia completion --help'.
      _inertia_commands() {
        case "$1" in
      @COMMANDS@  esac
      }
      _inertia_options() {
        case "$1" in
      @OPTIONS@  esac
      }
      _inertia_valued() {
        case "$1" in
      @VALUED@  esac
      }
      _inertia_args() {
        case "$1" in
      @ARGS@  esac
      }
      _inertia_remotes() { command inertia remote ls 2>/dev/null; }
      _inertia() {
        local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
        local key="" remote="" started=0 w i skip=0 npos=0
        for ((i = 1; i < COMP_CWORD; i++)); do
          w=${COMP_WORDS[i]}
          if ((skip)); then skip=0; continue; fi
          case $w in
            --*=*) continue ;;
            -*) case " $(_inertia_valued "$key") " in *" $w "*) skip=1 ;; esac; continue ;;
          esac
          if ((!started)); then
            started=1
            case " $(_inertia_commands "") " in
              *" $w "*) key=$w; continue ;;
            esac
            remote=$w; key=REMOTE; continue
          fi
          case " $(_inertia_commands "$key") " in
            *" $w "*) key="$key $w"; npos=0; continue ;;
          esac
          npos=$((npos + 1))
        done
        if ((skip)); then
          case $prev in
            --config|--*file*|--*key*|-d|--dest) COMPREPLY=($(compgen -f -- "$cur")) ;;
            *) COMPREPLY=() ;;
          esac
          return 0
        fi
        if [[ $cur == -* ]]; then
          COMPREPLY=($(compgen -W "$(_inertia_options "$key")" -- "$cur"))
          return 0
        fi
        local words kind=""
        words=$(_inertia_commands "$key")
        if ((!started)); then
          words="$words $(_inertia_remotes)"
        fi
        local kinds=($(_inertia_args "$key"))
        if ((npos < ${#kinds[@]})); then kind=${kinds[npos]}; elif ((${#kinds[@]})); then kind=${kinds[${#kinds[@]}-1]}; fi
        case $kind in
          remote) words="$words $(_inertia_remotes)" ;;
          service) words="$words $(command inertia "$remote" logs --list-names 2>/dev/null)" ;;
          command) words="$words $(_inertia_commands "") $(_inertia_remotes)" ;;
          file) COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        esac
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
        return 0
      }
      complete -F _inertia inertia
      """;
}
