package io.inertia.cli.command;

import io.inertia.common.Version;
import io.inertia.common.config.RemoteConfig;
import io.inertia.common.config.RemotesConfig;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inertia remote upgrade [remotes...] [--all] [--version v]}: config only. */
@Command(name = "upgrade", description = "Upgrade your remote configuration version to match the CLI")
public final class RemoteUpgradeCommand extends BaseCommand {
  @Parameters(arity = "0..*", paramLabel = "REMOTE", description = "remotes to upgrade (default: all)") List<String> names = new ArrayList<>();

  @Option(names = "--all", description = "upgrade all remotes")
  boolean all;

  @Option(names = "--version", paramLabel = "<version>", description = "version to upgrade to (default: the CLI version)")
  String version;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (names.isEmpty() && !all) {
      throw new ParameterException(spec.commandLine(), "you must provide remotes or use the '--all' flag");
    }
    String target = version == null || version.isEmpty() ? Version.current() : version;
    RemotesConfig remotes = config().remotes();
    List<String> targets = all ? remotes.remotes().stream().map(RemoteConfig::name).toList() : names;
    if (all) {
      console().println("updating configuration to version '" + target + "' for all remotes");
    } else {
      console().println("setting configuration to version '" + target + "' for remotes " + String.join(", ", names));
    }
    for (String name : targets) {
      RemoteConfig r = remotes.remote(name).orElse(null);
      if (r == null) {
        console().warn("remote '" + name + "' not found");
        continue;
      }
      remotes = remotes.withRemote(r.withVersion(target));
      console().println("remote '" + name + "' updated");
    }
    config().saveRemotes(remotes);
    return 0;
  }
}
