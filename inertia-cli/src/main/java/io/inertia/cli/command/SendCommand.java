package io.inertia.cli.command;

import io.inertia.cli.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inertia <remote> send <filepath> [-d dest] [-p perm]}: copies a file into the project dir. */
@Command(name = "send", description = "Send a file to your Inertia deployment")
public final class SendCommand extends RemoteBaseCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "local file, relative to the current directory") String filepath;

  @Option(names = {"-d", "--dest"}, description = "path relative from project root to send file to (default: same as filepath)")
  String dest;

  @Option(names = {"-p", "--perm"}, defaultValue = "0655", description = "permissions settings to create file with (default: ${DEFAULT-VALUE})")
  String perm;

  @Override
  protected Integer run() {
    RemoteOperations ops = ctx.remoteOperations("inertia " + remoteName() + " send");
    Path local = ctx.workingDirectory().resolve(filepath);
    if (!Files.isRegularFile(local)) {
      throw new CliException("could not read file '" + local + "'", "perhaps you should check the path");
    }
    String destination = dest == null || dest.isEmpty() ? filepath : dest;
    String written = ops.send(remote(), local, destination, perm, console());
    console().println("File \"" + filepath + "\" has been copied to \"" + written + "\" on remote \"" + remoteName() + "\"");
    return 0;
  }
}
