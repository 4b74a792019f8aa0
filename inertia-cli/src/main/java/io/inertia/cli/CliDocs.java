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
    Files.writeString(completion.resolve("inertia_completion"),
        AutoComplete.bash("inertia", InertiaCli.fullTree(ctx, null)));

    Path man = out.resolve("man");
    Files.createDirectories(man);
    CommandLine full = InertiaCli.fullTree(ctx, "REMOTE");
    int rc = ManPageGenerator.generateManPage(man.toFile(), null, new boolean[0], false, full.getCommandSpec());
    if (rc != 0) {
      throw new IOException("man page generation failed with exit code " + rc);
    }
  }
}
