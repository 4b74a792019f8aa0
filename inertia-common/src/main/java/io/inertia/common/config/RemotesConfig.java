package io.inertia.common.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The global remotes file {@code inertia.remotes} (docs/original.md#the-remotes-file): the {@code [[remote]]} tables in
 * file order. Immutable; every change returns a copy.
 *
 * @param remotes the remotes; names are unique
 */
public record RemotesConfig(List<RemoteConfig> remotes) {

  /** @throws IllegalArgumentException if two remotes share a name */
  public RemotesConfig {
    remotes = remotes == null ? List.of() : List.copyOf(remotes);
    Set<String> seen = new HashSet<>();
    for (RemoteConfig r : remotes) {
      if (!seen.add(r.name())) {
        throw new IllegalArgumentException("remote name '" + r.name() + "' is duplicated");
      }
    }
  }

  /** An empty file, as {@code inertia init --global} writes it. */
  public static RemotesConfig empty() {
    return new RemotesConfig(List.of());
  }

  /** The remote with exactly this name. */
  public Optional<RemoteConfig> remote(String name) {
    return remotes.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** A copy with the remote added at the end, or replacing in place the remote of the same name. */
  public RemotesConfig withRemote(RemoteConfig remote) {
    List<RemoteConfig> next = new ArrayList<>(remotes);
    for (int i = 0; i < next.size(); i++) {
      if (next.get(i).name().equals(remote.name())) {
        next.set(i, remote);
        return new RemotesConfig(next);
      }
    }
    next.add(remote);
    return new RemotesConfig(next);
  }

  /** A copy without the named remote (unchanged when absent). */
  public RemotesConfig withoutRemote(String name) {
    return new RemotesConfig(remotes.stream().filter(r -> !r.name().equals(name)).toList());
  }
}
