package io.inertia.cli;

import io.inertia.cli.command.CliContext;
import io.inertia.cli.command.CommandTrees;
import io.inertia.cli.command.CompletionCommand;
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

/**
 * Build-time generator (Maven {@code prepare-package}): the completion script
 * {@code <out>/completion/inertia_completion} (what {@code inertia completion bash} prints) and roff man
 * pages {@code <out>/man/*.1} ({@link ManPages}). Per-remote commands are documented under the name
 * {@code REMOTE}.
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
    Files.writeString(completion.resolve("inertia_completion"), CompletionCommand.script(ctx, "bash"));
    ManPages.write(CommandTrees.full(ctx, CommandTrees.REMOTE), out.resolve("man"));
  }
}
