package io.inertia.cli.command;

import io.inertia.cli.CliException;
import io.inertia.cli.daemon.DaemonClient;
import io.inertia.common.Version;
import io.inertia.cli.command.options.DaemonSettingsOptions;
import io.inertia.common.config.DaemonConfig;
import io.inertia.common.config.ProjectConfig;
import io.inertia.common.config.RemoteConfig;
import io.inertia.common.config.RemotesConfig;
import io.inertia.common.config.VersionCheck;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the {@code inertia <remote> …} commands: finds the remote, warns when its configuration
 * version differs from the CLI's (docs/original.md#cli-conventions), and builds the daemon client.
 */
public abstract class RemoteBaseCommand extends BaseCommand {
  String remoteName;

  @Spec CommandSpec spec;

  private RemoteConfig remote;

  @Override
  public final Integer call() throws Exception {
    RemoteConfig r = remote();
    VersionCheck.remoteMismatch(r.version(), Version.current())
        .ifPresent(w -> console().warn(":warning: " + w));
    return run();
  }

  /** The command's work. */
  protected abstract Integer run() throws Exception;

  protected String remoteName() {
    return remoteName;
  }

  /** The remote as currently saved. */
  protected RemoteConfig remote() {
    if (remote == null) {
      RemotesConfig remotes = config().remotes();
      remote =
          remotes
              .remote(remoteName)
              .orElseThrow(
                  () -> new CliException("no remote '" + remoteName + "' currently configured",
                      "perhaps you should run 'inertia remote ls'"));
    }
    return remote;
  }

  /** Replaces this remote in the remotes file. */
  protected void saveRemote(RemoteConfig updated) {
    config().saveRemotes(config().remotes().withRemote(updated));
    remote = updated;
  }

  /**
   * The daemon client. A remote with a token but no pinned certificate (one the original wrote, or a
   * {@code remote login}) and SSH settings is pinned first, reading the certificate over SSH. A remote with
   * neither token nor pin never ran {@code init}: the client says so.
   */
  protected DaemonClient client() {
    if (CertificatePins.needsPin(remote()) && CertificatePins.hasSsh(remote()) && hasToken(remote())) {
      saveRemote(new CertificatePins(ctx).overSsh(remote()));
    }
    return ctx.client(remote());
  }

  private static boolean hasToken(RemoteConfig remote) {
    return remote.daemon() != null && !remote.daemon().token().isEmpty();
  }

  /** The remote with the daemon settings flags of {@code init}/{@code upgrade} applied. */
  static RemoteConfig withSettings(RemoteConfig remote, DaemonSettingsOptions flags) {
    DaemonConfig d = remote.daemon() == null ? DaemonConfig.empty() : remote.daemon();
    return remote.withDaemon(d.withSettings(flags.applyTo(d.settings())));
  }

  /** {@code -s/--short} given on {@code inertia <remote>} or on the subcommand. */
  protected boolean shortOutput() {
    for (CommandSpec s = spec; s != null; s = s.parent()) {
      if (s.userObject() instanceof RemoteHostCommand h) {
        return h.shortOutput;
      }
    }
    return false;
  }

  /** The project file; per-remote commands that deploy need it (docs/original.md#per-remote-commands). */
  protected ProjectConfig requireProject() {
    if (!config().projectFileExists()) {
      java.nio.file.Path file = config().projectFile();
      if (!file.equals(ctx.workingDirectory().resolve("inertia.toml").toAbsolutePath().normalize())) {
        throw new CliException("no such file: " + file + " (given with --config)",
            "perhaps you should check the path, or run 'inertia init' in the project's directory");
      }
      throw new CliException("no project found in current directory - try 'inertia init'");
    }
    return project();
  }
}
