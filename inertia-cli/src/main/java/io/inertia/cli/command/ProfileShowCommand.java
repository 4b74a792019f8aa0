package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.cli.output.Console;
import io.inertia.common.config.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code inertia project profile show <profile>}. */
@Command(name = "show", description = "View configuration for a specific project profile")
public final class ProfileShowCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "PROFILE", description = "a profile of inertia.toml") String profileName;

  @Override
  public Integer call() {
    Profile p =
        project()
            .profile(profileName)
            .orElseThrow(
                () -> new CliException("profile '" + profileName + "' not found",
                    "perhaps you should run 'inertia project profile ls'"));
    printDetails(console(), p);
    return 0;
  }

  static void printDetails(Console console, Profile p) {
    console.println("profile '" + console.cyan(p.name()) + "'");
    console.println(":christmas_tree: Branch: " + p.branch());
    console.println(":hammer: Build.Type: " + (p.build() == null ? "" : p.build().writtenType()));
    console.println(":ledger: Build.BuildFile: " + (p.build() == null ? "" : p.build().buildfile()));
  }
}
