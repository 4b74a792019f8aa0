package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.common.config.BuildType;
import io.inertia.common.config.Profile;
import io.inertia.common.config.ProjectConfig;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code inertia <remote> env set NAME VALUE | NAME=VALUE | NAME -} (stdin) {@code [-e]}. Says which
 * variable changed and when it reaches the app: at the next deploy, and for compose projects only in
 * services whose compose file references it ({@code ${NAME}}), as in the original.
 */
@Command(
    name = "set",
    description = "Set an environment variable for the project's containers (applied at the next deploy)",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inertia REMOTE env set DATABASE_URL postgres://db/app",
      "  inertia REMOTE env set API_KEY=abc123 -e",
      "  inertia REMOTE env set TLS_CERT - < cert.pem        (the value from standard input)",
      "",
      "Values are stored encrypted on the daemon; -e also hides them in 'env ls' ([ENCRYPTED]).",
      "Compose projects: a service sees a variable only where docker-compose.yml references it,",
      "e.g. 'environment: [DATABASE_URL=${DATABASE_URL}]' (the original's rule)."
    })
public final class EnvSetCommand extends RemoteBaseCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "variable name, or NAME=VALUE")
  String name;

  @Parameters(index = "1", arity = "0..1", paramLabel = "VALUE", description = "the value; '-' reads it from standard input")
  String value;

  @Option(names = {"-e", "--encrypt"},
      description = "hide the value in 'env ls' (values are always encrypted at rest)")
  boolean encrypt;

  @Override
  protected Integer run() {
    String key = name;
    String val = value;
    int eq = name.indexOf('=');
    if (eq > 0 && value == null) {
      key = name.substring(0, eq);
      val = name.substring(eq + 1);
    }
    if (val == null) {
      throw new ParameterException(spec.commandLine(), "missing the value: give NAME VALUE, NAME=VALUE or NAME - (stdin)");
    }
    if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new ParameterException(spec.commandLine(),
          "'" + key + "' is not a variable name (letters, digits and _, not starting with a digit)");
    }
    if (val.equals("-")) {
      val = stdin();
    }
    client().envSet(key, val, encrypt);
    console().println("set " + key + " on remote '" + remoteName() + "'" + (encrypt ? " (hidden in 'env ls')" : ""));
    console().println(applies(key));
    return 0;
  }

  /** When and how the value reaches the app. */
  private String applies(String key) {
    String next = "it takes effect at the next deploy: run 'inertia " + remoteName() + " up'";
    Optional<Profile> profile = deployedProfile();
    if (profile.isPresent() && profile.get().build() != null
        && profile.get().build().type() == BuildType.DOCKER_COMPOSE) {
      return next + "; compose services see it only where " + profile.get().build().buildfile()
          + " references ${" + key + "}";
    }
    return next;
  }

  private Optional<Profile> deployedProfile() {
    try {
      if (!config().projectFileExists()) {
        return Optional.empty();
      }
      ProjectConfig project = config().project();
      return project.profile(remote().appliedProfile(project.name()));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  private String stdin() {
    String text = console().readAll();
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  static CliException notSet(String key, String remote) {
    return new CliException("no variable '" + key + "' is set on remote '" + remote + "'",
        "perhaps you should run 'inertia " + remote + " env ls'");
  }
}
