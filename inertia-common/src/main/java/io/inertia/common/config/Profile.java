package io.inertia.common.config;

/**
 * One {@code [[profile]]} of {@code inertia.toml}: what to deploy and how (docs/original.md#the-project-file, #profiles).
 *
 * @param name unique name within the project; {@code default} is the fallback
 * @param branch branch to deploy and to match webhooks against
 * @param build the {@code [profile.build]} table, or null when the file has none
 * @param notifiers the {@code [profile.notifiers]} table, or null when the file has none
 */
public record Profile(String name, String branch, Build build, Notifiers notifiers) {
  /** The profile name used when a remote has none applied for a project. */
  public static final String DEFAULT_NAME = "default";

  public Profile {
    name = Strings.orEmpty(name);
    branch = Strings.orEmpty(branch);
  }

  /** A profile without notifiers, as {@code project profile configure} creates it. */
  public Profile(String name, String branch, Build build) {
    this(name, branch, build, null);
  }
}
