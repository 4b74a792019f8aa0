package io.inertia.common.config;

import java.util.List;
import java.util.Optional;

/**
 * Version compatibility rules (docs/original.md#cli-conventions, #version-checks). Pure functions; the caller prints the messages
 * (the original prints them and never exits for the project check).
 */
public final class VersionCheck {
  /** The oldest daemon this client talks to. */
  public static final Semver MINIMUM_DAEMON = new Semver(0, 6, 2, "");

  /**
   * The first daemon of this implementation. Older versions name images of the original (Go) daemon,
   * which take other arguments; {@code init} and {@code upgrade} do not install them.
   */
  public static final Semver FIRST_OWN_DAEMON = new Semver(0, 8, 0, "");

  /** The hint the original prints after project version warnings or errors. */
  public static final String RELEASES_HINT =
      "For details on the latest Inertia releases, please see "
          + "https://github.com/ubclaunchpad/inertia/releases/latest";

  private VersionCheck() {}

  /**
   * Outcome of a check: messages to show in yellow (warnings) and red (errors).
   *
   * @param warnings warnings, verbatim from the original
   * @param errors errors, verbatim from the original
   */
  public record Result(List<String> warnings, List<String> errors) {
    public Result {
      warnings = List.copyOf(warnings);
      errors = List.copyOf(errors);
    }

    static Result warning(String message) {
      return new Result(List.of(message), List.of());
    }

    static Result error(String message) {
      return new Result(List.of(), List.of(message));
    }

    /** True when there is nothing to report. */
    public boolean isClean() {
      return warnings.isEmpty() && errors.isEmpty();
    }
  }

  /**
   * Checks the project file's {@code version} against the CLI version (docs/original.md#version-checks): the CLI must satisfy
   * {@code >=P <P.major.(P.minor+1).0}. A CLI version of {@code test}, or {@code latest} (an
   * unversioned build), only warns that it is a test build.
   */
  public static Result checkProject(String projectVersion, String cliVersion) {
    String cli = Strings.orEmpty(cliVersion);
    String project = Strings.orEmpty(projectVersion);
    if (cli.isEmpty()) {
      return Result.error("no CLI version provided");
    }
    if (cli.equals("test") || cli.equals("latest")) {
      return Result.warning("CLI version is a test build");
    }
    if (project.isEmpty()) {
      return Result.warning("no version configured in project");
    }
    if (project.equals("test")) {
      return Result.error("project version is a test build - please change it to a release version");
    }
    Semver p;
    Semver c;
    try {
      p = Semver.parse(project);
    } catch (IllegalArgumentException e) {
      return Result.error("project version \"" + project + "\" is invalid: " + e.getMessage());
    }
    try {
      c = Semver.parse(cli);
    } catch (IllegalArgumentException e) {
      return Result.error("CLI version \"" + cli + "\" is invalid: " + e.getMessage());
    }
    Semver upper = new Semver(p.major(), p.minor() + 1, 0, "");
    if (c.compareTo(p) < 0 || c.compareTo(upper) >= 0) {
      // The original names the CLI version "project version" here; the wording is kept as is.
      return Result.error(
          "project version \"" + c + "\" does not satisfy CLI version constraints \">=" + p + " <"
              + upper + "\"");
    }
    return new Result(List.of(), List.of());
  }

  /**
   * Checks a remote's daemon {@code version} (docs/original.md#cli-conventions): {@code latest}, {@code test} and empty are always
   * accepted; otherwise it must be semver and at least v0.6.2.
   *
   * @return the error to refuse the remote with, or empty when supported
   */
  public static Optional<String> checkDaemon(String daemonVersion) {
    String v = Strings.orEmpty(daemonVersion);
    if (v.isEmpty() || v.equals("latest") || v.equals("test")) {
      return Optional.empty();
    }
    Semver parsed;
    try {
      parsed = Semver.parse(v);
    } catch (IllegalArgumentException e) {
      return Optional.of("daemon version is invalid");
    }
    if (parsed.compareTo(MINIMUM_DAEMON) < 0) {
      return Optional.of(
          "daemon version <0.6.2 is not supported by this version of the Inertia client");
    }
    return Optional.empty();
  }

  /**
   * Whether {@code version} names a daemon of the original: a semver below {@link #FIRST_OWN_DAEMON}.
   * Empty, {@code latest}, {@code test} and unparseable values are not.
   */
  public static boolean isOriginalDaemon(String version) {
    try {
      return Semver.parse(Strings.orEmpty(version)).compareTo(FIRST_OWN_DAEMON) < 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The warning each {@code inertia <remote> …} command prints (after {@code :warning: }) when the remote
   * config version differs from the CLI version.
   */
  public static Optional<String> remoteMismatch(String remoteVersion, String cliVersion) {
    if (Strings.orEmpty(remoteVersion).equals(Strings.orEmpty(cliVersion))) {
      return Optional.empty();
    }
    return Optional.of(
        "Remote configuration version \"" + remoteVersion
            + "\" does not match your Inertia CLI version \"" + cliVersion + "\"");
  }
}
