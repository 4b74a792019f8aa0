package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.cli.output.Console;
import io.inertia.common.Version;
import io.inertia.common.config.RemoteConfig;
import io.inertia.common.config.VersionCheck;

/**
 * The daemon version {@code init} and {@code upgrade} install. A remote written by the original carries
 * the original's version (e.g. {@code v0.7.0}), whose image is the Go daemon: this CLI starts it with
 * arguments it does not take, so such a remote gets this CLI's daemon version instead, said once.
 */
final class DaemonVersions {
  private DaemonVersions() {}

  /** The remote to install: its version replaced by this CLI's when it names an original daemon. */
  static RemoteConfig forInstall(RemoteConfig remote, Console console) {
    if (!VersionCheck.isOriginalDaemon(remote.version())) {
      return remote;
    }
    String current = Version.current();
    console.warn(":warning: Remote '" + remote.name() + "' is configured for version " + remote.version()
        + " of the original Inertia daemon, which this CLI cannot start: installing " + current
        + " instead and saving it as the remote's version.");
    return remote.withVersion(current);
  }

  /** Refuses an explicit {@code --version} that names an original daemon. */
  static void checkRequested(String version) {
    if (VersionCheck.isOriginalDaemon(version)) {
      throw new CliException(
          "version " + version + " is a daemon of the original Inertia (before "
              + "v" + VersionCheck.FIRST_OWN_DAEMON + "), which this CLI cannot start",
          "perhaps you should leave out --version to install " + Version.current());
    }
  }
}
