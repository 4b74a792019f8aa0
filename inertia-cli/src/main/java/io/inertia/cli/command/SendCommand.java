package io.inertia.cli.command;

import io.inertia.cli.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inertia <remote> send <filepath> [-d dest] [-p perm]}: copies a file into the project dir. */
@Command(
    name = "send",
    description = "Copy a file into the project directory on the remote (over SSH)",
    footerHeading = "%nExamples:%n",
    footer = {"  inertia REMOTE send .env.production", "  inertia REMOTE send /etc/ssl/app.pem -d secrets/app.pem -p 0600"})
public final class SendCommand extends RemoteBaseCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "local file, relative to the current directory") String filepath;

  @Option(names = {"-d", "--dest"}, description = "where the file goes, relative to the project directory (default: FILE)")
  String dest;

  @Option(names = {"-p", "--perm"}, defaultValue = "0655", description = "octal mode of the file on the remote (default: ${DEFAULT-VALUE}, the original's: rw-r-xr-x)")
  String perm;

  @Override
  protected Integer run() {
    RemoteOperations ops = ctx.remoteOperations("inertia " + remoteName() + " send");
    Path local = ctx.workingDirectory().resolve(filepath);
    if (!Files.isRegularFile(local)) {
      throw new CliException("could not read file '" + local + "'", "perhaps you should check the path");
    }
    if ((dest == null || dest.isEmpty()) && Path.of(filepath).isAbsolute()) {
      throw new CliException("'" + filepath + "' is an absolute path, so it cannot also name where the file goes in "
          + "the project directory on the remote", "perhaps you should add -d <path relative to the project>, e.g. "
          + "-d " + Path.of(filepath).getFileName());
    }
    String destination = dest == null || dest.isEmpty() ? filepath : dest;
    String written = ops.send(remote(), local, destination, perm, console());
    console().println("File \"" + filepath + "\" has been copied to \"" + written + "\" on remote \"" + remoteName() + "\"");
    return 0;
  }
}
