package io.inertia.common.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The project file {@code inertia.toml} (docs/original.md#the-project-file). Immutable; every change returns a copy.
 *
 * @param version minimum Inertia CLI version for this project (docs/original.md#version-checks); empty until the CLI fills it in
 * @param name project name: compose project name, image {@code inertia-build/<name>}, key of
 *     {@code remote.profiles}
 * @param url git remote URL as found locally
 * @param profiles the {@code [[profile]]} tables in file order; names are unique
 */
public record ProjectConfig(String version, String name, String url, List<Profile> profiles) {

  /** @throws IllegalArgumentException if two profiles share a name */
  public ProjectConfig {
    version = Strings.orEmpty(version);
    name = Strings.orEmpty(name);
    url = Strings.orEmpty(url);
    profiles = profiles == null ? List.of() : List.copyOf(profiles);
    Set<String> seen = new HashSet<>();
    for (Profile p : profiles) {
      if (!seen.add(p.name())) {
        throw new IllegalArgumentException("profile name '" + p.name() + "' is duplicated");
      }
    }
  }

  /** The profile with exactly this name. */
  public Optional<Profile> profile(String profileName) {
    return profiles.stream().filter(p -> p.name().equals(profileName)).findFirst();
  }

  /**
   * A copy with the profile added; an existing profile of the same name is replaced and, as in the
   * original, moves to the end of the list (docs/original.md#profiles).
   */
  public ProjectConfig withProfile(Profile profile) {
    List<Profile> next = new ArrayList<>(profiles.size() + 1);
    for (Profile p : profiles) {
      if (!p.name().equals(profile.name())) {
        next.add(p);
      }
    }
    next.add(profile);
    return new ProjectConfig(version, name, url, next);
  }

  /** A copy without the named profile (unchanged when absent). */
  public ProjectConfig withoutProfile(String profileName) {
    return new ProjectConfig(
        version,
        name,
        url,
        profiles.stream().filter(p -> !p.name().equals(profileName)).toList());
  }

  /** A copy with another {@code version}. */
  public ProjectConfig withVersion(String newVersion) {
    return new ProjectConfig(newVersion, name, url, profiles);
  }

  /**
   * {@code inertia project set <property> <value>}: sets one of the top-level string keys
   * {@code name}, {@code url}, {@code version} (docs/original.md#setting-properties). Profiles cannot be set this way.
   *
   * @throws InvalidPropertyException "could not set property 'x'" for any other key
   */
  public ProjectConfig withProperty(String property, String value) {
    return switch (property) {
      case "version" -> new ProjectConfig(value, name, url, profiles);
      case "name" -> new ProjectConfig(version, value, url, profiles);
      case "url" -> new ProjectConfig(version, name, value, profiles);
      default -> throw InvalidPropertyException.unknown(property);
    };
  }
}
