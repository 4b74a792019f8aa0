package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.common.config.ConfigException;
import io.inertia.common.config.ConfigFiles;
import io.inertia.common.config.RemoteConfig;
import io.inertia.common.config.RemotesConfig;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code inertia remote import <file> <remote>}: copies a remote from another remotes file. */
@Command(name = "import", description = "Import a remote from another remotes configuration file")
public final class RemoteImportCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "a remotes file (the original's inertia.remotes or one exported from another machine)") Path file;

  @Parameters(index = "1", paramLabel = "REMOTE", description = "the remote in that file to import") String name;

  @Override
  public Integer call() {
    Path source = ctx.workingDirectory().resolve(file);
    RemotesConfig other;
    try {
      other = ConfigFiles.loadRemotes(source);
    } catch (ConfigException e) {
      throw new CliException(e.getMessage(), null, e);
    }
    RemoteConfig remote =
        other.remote(name)
            .orElseThrow(() -> new CliException("no remote \"" + name + "\" found in \"" + file + "\""));
    RemotesConfig remotes = config().remotes();
    if (remotes.remote(name).isEmpty()) {
      RemoteNames.checkNew(remotes, name);
    }
    config().saveRemotes(remotes.withRemote(remote));
    console().println("imported remote \"" + name + "\" from \"" + file + "\"");
    return 0;
  }
}
