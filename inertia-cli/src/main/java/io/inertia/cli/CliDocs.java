package io.inertia.cli;

import io.inertia.cli.command.CliContext;
import io.inertia.cli.local.LocalConfig;
import io.inertia.cli.output.Console;
import io.inertia.common.config.ConfigPaths;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time generator (Maven {@code prepare-package}): the bash/zsh completion script
 * {@code <out>/completion/inertia_completion} (picocli AutoComplete; source it from {@code ~/.bashrc})
 * and AsciiDoc man pages {@code <out>/man/*.adoc} (picocli-codegen; {@code asciidoctor -b manpage}
 * turns them into roff). Per-remote commands are documented under the name {@code REMOTE}; completion
 * covers the built-in commands (remote names are only known at run time).
 */
public final class CliDocs {
  private CliDocs() {}

  /**
   * Remote names are only known at run time: complete them (from {@code inertia remote ls}, which
   * answers in tens of milliseconds) as the first word, and the per-remote commands after them.
   */
  static String remoteCompletion(String remoteCommands) {
    return "\n# inertia <remote> …: remote names come from the remotes file at completion time.\n"
        + "_inertia_with_remotes() {\n"
        + "  local cur=${COMP_WORDS[COMP_CWORD]}\n"
        + "  if [ \"$COMP_CWORD\" -ge 2 ] && inertia remote ls 2>/dev/null | grep -qxF -- \"${COMP_WORDS[1]}\"; then\n"
        + "    if [ \"$COMP_CWORD\" -eq 2 ]; then\n"
        + "      COMPREPLY=( $(compgen -W \"" + remoteCommands + " --short --help\" -- \"$cur\") )\n"
        + "    else\n"
        + "      COMPREPLY=( $(compgen -f -- \"$cur\") )\n"
        + "    fi\n"
        + "    return 0\n"
        + "  fi\n"
        + "  _picocli_inertia \"$@\"\n"
        + "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
        + "    COMPREPLY+=( $(compgen -W \"$(inertia remote ls 2>/dev/null)\" -- \"$cur\") )\n"
        + "  fi\n"
        + "}\n"
        + "complete -F _inertia_with_remotes -o default inertia\n";
  }

  public static void main(String[] args) throws IOException {
    Path out = Paths.get(args.length > 0 ? args[0] : "target/generated-docs");
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    Console console =
        new Console(nowhere, nowhere, new ByteArrayInputStream(new byte[0]), false, false, false, false);
    Path cwd = Paths.get("").toAbsolutePath();
    CliContext ctx =
        new CliContext(Map.of(), cwd,
            new LocalConfig(new ConfigPaths(Paths.get("~/.config/inertia")), cwd.resolve("inertia.toml")),
            console, (r, c) -> null, () -> null);

    Path completion = out.resolve("completion");
    Files.createDirectories(completion);
    String remoteCommands =
        String.join(" ", InertiaCli.fullTree(ctx, "REMOTE").getSubcommands().get("REMOTE").getSubcommands().keySet());
    Files.writeString(completion.resolve("inertia_completion"),
        AutoComplete.bash("inertia", InertiaCli.fullTree(ctx, null)) + remoteCompletion(remoteCommands));

    Path man = out.resolve("man");
    Files.createDirectories(man);
    CommandLine full = InertiaCli.fullTree(ctx, "REMOTE");
    int rc = ManPageGenerator.generateManPage(man.toFile(), null, new boolean[0], false, full.getCommandSpec());
    if (rc != 0) {
      throw new IOException("man page generation failed with exit code " + rc);
    }
  }
}
