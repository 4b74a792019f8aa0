package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.common.config.InvalidPropertyException;
import io.inertia.common.config.RemoteConfig;
import io.inertia.common.config.RemotesConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code inertia remote set <remote> <property> <value>} (docs/original.md#setting-properties). Bool properties take the value given
 * ({@code false} sets false, unlike the original).
 */
@Command(
    name = "set",
    description = "Update details about remote",
    footer = {
      "",
      "Properties: version, name, ip, ssh.user, ssh.identityfile, ssh.ssh-port, daemon.port,",
      "  daemon.token, daemon.user, daemon.webhook-secret, daemon.verify-ssl, daemon.cert-fingerprint",
      "",
      "Example:",
      "  inertia remote set prod daemon.port 4304"
    })
public final class RemoteSetCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "REMOTE", description = "a configured remote") String name;

  @Parameters(index = "1", paramLabel = "PROPERTY", description = "one of the properties below") String property;

  @Parameters(index = "2", paramLabel = "VALUE", description = "the new value") String value;

  @Override
  public Integer call() {
    RemotesConfig remotes = config().remotes();
    RemoteConfig remote =
        remotes.remote(name)
            .orElseThrow(() -> new CliException("No remote '" + name + "' currently set up.",
                "perhaps you should run 'inertia remote ls'"));
    RemoteConfig updated;
    try {
      updated = remote.withProperty(property, RemoteValues.forProperty(property, value));
    } catch (InvalidPropertyException e) {
      throw new CliException("could not update remote '" + name + "': " + e.getMessage(),
          "run 'inertia remote set --help' for the list of properties");
    }
    RemotesConfig next = remotes;
    if (!updated.name().equals(name)) {
      RemoteNames.checkNew(remotes, updated.name());
      next = remotes.withoutRemote(name);
    }
    config().saveRemotes(next.withRemote(updated));
    console().println("remote '" + name + "' has been updated");
    return 0;
  }
}
