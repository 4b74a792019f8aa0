package io.inertia.cli.command;

import io.inertia.cli.local.LocalConfig;
import io.inertia.cli.output.Console;
import io.inertia.common.Version;
import io.inertia.common.config.Profile;
import io.inertia.common.config.ProjectConfig;
import io.inertia.common.config.VersionCheck;
import java.util.concurrent.Callable;

/**
 * Base of every command: a {@link Callable} whose {@code call()} is a thin script. The
 * {@link CliContext} is injected by {@link CommandFactory} right after construction.
 */
public abstract class BaseCommand implements Callable<Integer> {
  CliContext ctx;

  void inject(CliContext context) {
    this.ctx = context;
  }

  protected Console console() {
    return ctx.console();
  }

  protected LocalConfig config() {
    return ctx.config();
  }

  /**
   * Loads {@code inertia.toml} and runs the original's version check (docs/original.md#cli-conventions): an empty {@code version}
   * is filled with the CLI version; otherwise warnings and errors are printed and the command goes on.
   */
  protected ProjectConfig project() {
    ProjectConfig project = config().project();
    warnUnknownBuildTypes(project);
    String cli = Version.current();
    if (project.version().isEmpty() && !cli.equals("latest")) {
      project = project.withVersion(cli);
      config().saveProject(project);
      return project;
    }
    VersionCheck.Result check = VersionCheck.checkProject(project.version(), cli);
    if (!check.isClean()) {
      check.warnings().forEach(w -> console().warn(w));
      check.errors().forEach(e -> console().warn(console().red(e)));
      console().warn(VersionCheck.RELEASES_HINT);
    }
    return project;
  }

  /**
   * One warning per profile whose build type is unknown (e.g. {@code type = ""}): it is built with
   * docker-compose, as the original's daemon builds every type other than {@code dockerfile}.
   */
  private void warnUnknownBuildTypes(ProjectConfig project) {
    for (Profile p : project.profiles()) {
      if (p.build() != null && p.build().hasUnknownType()) {
        console().warn(":warning: profile '" + p.name() + "' has build type '" + p.build().unknownType()
            + "', which is not 'docker-compose' or 'dockerfile': it is built with docker-compose."
            + " Fix it with 'inertia project profile configure " + p.name() + " --build.type <type>'.");
      }
    }
  }
}
