package io.inertia.cli.bootstrap;

import io.inertia.cli.CliException;
import io.inertia.cli.command.RemoteOperations;
import io.inertia.cli.output.Console;
import io.inertia.cli.ssh.ExecResult;
import io.inertia.cli.ssh.HostKeyChangedException;
import io.inertia.cli.ssh.RemoteShell;
import io.inertia.cli.ssh.RemoteShellException;
import io.inertia.cli.ssh.SshTarget;
import io.inertia.cli.ssh.SshjRemoteShell;
import io.inertia.cli.ssh.SystemSsh;
import io.inertia.common.config.BuildType;
import io.inertia.common.config.ConfigPaths;
import io.inertia.common.config.DaemonConfig;
import io.inertia.common.config.ProjectConfig;
import io.inertia.common.config.RemoteConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The CLI's {@link RemoteOperations} over sshj, registered in {@code
 * META-INF/services/io.inertia.cli.command.RemoteOperations}. Host keys are trusted on first use in
 * {@code <inertia config dir>/known_hosts}.
 *
 * <p>Environment: {@code INERTIA_GIT_HOSTS} adds git hosts for the deploy key's known_hosts ({@code
 * host}, {@code host:port}, {@code [host]:port}, comma or space separated); {@code
 * INERTIA_IMAGE_TRANSFER=always} sends the local daemon image even when the VPS has that tag;
 * {@code IDENTITY_PASSPHRASE} unlocks an encrypted identity file.
 */
public final class SshRemoteOperations implements RemoteOperations {
  /** {@code always}: send the local daemon image even if the remote has one with that tag. */
  public static final String IMAGE_TRANSFER_ENV = "INERTIA_IMAGE_TRANSFER";

  private final Map<String, String> env;
  private final Path knownHosts;

  /** For the ServiceLoader: the process environment and config directory. */
  public SshRemoteOperations() {
    this(System.getenv(), ConfigPaths.fromSystem().globalDirectory().resolve("known_hosts"));
  }

  public SshRemoteOperations(Map<String, String> env, Path knownHosts) {
    this.env = env;
    this.knownHosts = knownHosts;
  }

  /** The known_hosts file this CLI trusts (and appends to on first use). */
  public Path knownHosts() {
    return knownHosts;
  }

  @Override
  public RemoteConfig init(RemoteConfig remote, ProjectConfig project, Console console) {
    DaemonConfig daemon = remote.daemon() == null ? DaemonConfig.empty() : remote.daemon();
    if (daemon.webhookSecret().isEmpty()) {
      daemon =
          new DaemonConfig(
              daemon.port(), daemon.token(), daemon.user(), newSecret(), daemon.verifySsl(),
              daemon.certFingerprint(), daemon.settings());
    }
    BootstrapSettings s = settings(remote, daemon, project == null ? "" : project.url());
    try (RemoteShell shell = connect(remote)) {
      Bootstrap bootstrap = new Bootstrap(shell, output(console));
      Bootstrap.Result r = bootstrap.init(s);
      if (project == null || usesCompose(project)) {
        RunnerImages.ensure(bootstrap, output(console), remote.name(), s.composeImage());
      }
      return remote.withDaemon(
          daemon.withToken(r.token(), daemon.user()).withCertFingerprint(r.certFingerprint()));
    } catch (BootstrapException e) {
      throw failure(e);
    }
  }

  @Override
  public RemoteConfig upgrade(RemoteConfig remote, Console console) {
    DaemonConfig daemon = remote.daemon() == null ? DaemonConfig.empty() : remote.daemon();
    BootstrapSettings s = settings(remote, daemon, "");
    try (RemoteShell shell = connect(remote)) {
      Bootstrap bootstrap = new Bootstrap(shell, output(console));
      String fingerprint = bootstrap.upgrade(s);
      RunnerImages.ensure(bootstrap, output(console), remote.name(), s.composeImage());
      return remote.withDaemon(daemon.withCertFingerprint(fingerprint));
    } catch (BootstrapException e) {
      throw failure(e);
    }
  }

  @Override
  public void uninstall(RemoteConfig remote, Console console) {
    try (RemoteShell shell = connect(remote)) {
      new Bootstrap(shell, output(console)).uninstall();
    } catch (BootstrapException e) {
      throw failure(e);
    }
  }

  @Override
  public String token(RemoteConfig remote, Console console) {
    DaemonConfig daemon = remote.daemon() == null ? DaemonConfig.empty() : remote.daemon();
    try (RemoteShell shell = connect(remote)) {
      return new Bootstrap(shell, output(console)).token(settings(remote, daemon, "").image());
    } catch (BootstrapException e) {
      throw failure(e);
    }
  }

  @Override
  public String send(
      RemoteConfig remote, Path localFile, String destination, String permissions, Console console) {
    Path source;
    try {
      ProjectFiles.checkRelative(destination, "destination");
      ProjectFiles.checkPermissions(permissions);
      Path base = Paths.get("").toAbsolutePath();
      Path abs = localFile.toAbsolutePath().normalize();
      if (!abs.startsWith(base)) {
        throw new IllegalArgumentException(
            "source '" + localFile + "' is outside the project directory " + base);
      }
      source = ProjectFiles.resolveSource(base, base.relativize(abs).toString());
    } catch (IllegalArgumentException | IOException e) {
      throw new CliException(e.getMessage(), "perhaps you should give a path inside the project");
    }
    try (RemoteShell shell = connect(remote)) {
      return ProjectFiles.send(shell, source, destination, permissions);
    } catch (IOException e) {
      throw new CliException(e.getMessage(), "check the destination and permissions on the VPS", e);
    } catch (RemoteShellException e) {
      throw failure(e);
    }
  }

  @Override
  public int ssh(RemoteConfig remote, Console console) {
    return ssh(remote, List.of(), console);
  }

  @Override
  public int ssh(RemoteConfig remote, List<String> command, Console console) {
    SshTarget target = target(remote);
    // Connect once through sshj so an unknown host is trusted on first use and a changed key is
    // refused with the same message as every other command; then hand over to the system ssh.
    try (RemoteShell shell = connect(remote)) {
      shell.target();
    }
    try {
      return SystemSsh.run(target, knownHosts, command);
    } catch (IOException e) {
      throw new CliException(
          "could not run ssh: " + e.getMessage(), "perhaps you should install the OpenSSH client");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }

  @Override
  public String daemonCertificateFingerprint(RemoteConfig remote, Console console) {
    try (RemoteShell shell = connect(remote)) {
      ExecResult r =
          shell.run(shell.sudo() + "cat \"$HOME/.inertia/ssl/daemon.cert\"", Duration.ofMinutes(1));
      if (!r.ok() || r.stdoutText().isBlank()) {
        throw new CliException(
            "could not read ~/.inertia/ssl/daemon.cert on the VPS: " + String.join(" ", r.stderrTail(3)),
            "perhaps the daemon is not set up: run 'inertia " + remote.name() + " init'");
      }
      return DaemonCertificates.fingerprint(r.stdoutText());
    } catch (CertificateException e) {
      throw new CliException(
          "~/.inertia/ssl/daemon.cert on the VPS is not a PEM certificate: " + e.getMessage(),
          "perhaps you should run 'inertia " + remote.name() + " upgrade' to let the daemon write a new one");
    } catch (RemoteShellException e) {
      throw failure(e);
    }
  }

  @Override
  public void sendImage(RemoteConfig remote, String image, Console console) {
    ImageTransfer transfer = new ImageTransfer();
    if (transfer.localImageId(image).isEmpty()) {
      throw new CliException(
          "image '" + image + "' is not in the local Docker engine",
          "perhaps you should build or pull it first ('docker image ls')");
    }
    try (RemoteShell shell = connect(remote)) {
      console.println("Sending " + image + " over SSH...");
      ImageTransfer.Result r =
          transfer.send(
              shell,
              image,
              (bytes, elapsed) ->
                  console.raw(
                      String.format(
                          "  %,.1f MB sent (%.1f MB/s)",
                          bytes / 1e6, ImageTransfer.Result.megabytesPerSecond(bytes, elapsed))),
              Duration.ofHours(2));
      r.remoteOutput().forEach(console::raw);
      console.println(
          String.format(
              "Sent %.1f MB in %.1f s (%.1f MB/s)",
              r.bytes() / 1e6, r.elapsed().toMillis() / 1e3, r.megabytesPerSecond()));
    } catch (ImageTransferException e) {
      throw new CliException(e.getMessage(), "perhaps you should check 'docker info' on the VPS", e);
    } catch (RemoteShellException e) {
      throw failure(e);
    }
  }

  private BootstrapSettings settings(RemoteConfig remote, DaemonConfig daemon, String projectUrl) {
    String version = remote.version().isBlank() ? "latest" : remote.version();
    String port = daemon.port().isBlank() ? DaemonConfig.DEFAULT_PORT : daemon.port();
    try {
      return new BootstrapSettings(
          remote.name(),
          remote.ip(),
          version,
          port,
          daemon.webhookSecret(),
          projectUrl,
          BootstrapSettings.gitHosts(
              env.get(BootstrapSettings.DEFAULT_GIT_HOSTS_ENV), env.get(BootstrapSettings.GIT_HOSTS_ENV)),
          "always".equalsIgnoreCase(env.getOrDefault(IMAGE_TRANSFER_ENV, "")),
          daemon.settings());
    } catch (IllegalArgumentException e) {
      throw new CliException(
          e.getMessage(), "perhaps you should fix " + BootstrapSettings.GIT_HOSTS_ENV + " or " + BootstrapSettings.DEFAULT_GIT_HOSTS_ENV);
    }
  }

  private static SshTarget target(RemoteConfig remote) {
    try {
      return SshTarget.of(remote);
    } catch (IllegalArgumentException e) {
      throw new CliException(
          e.getMessage(), "perhaps you should set ssh.user, ssh.identityfile and ssh.ssh-port with 'inertia remote set'");
    }
  }

  private RemoteShell connect(RemoteConfig remote) {
    try {
      return SshjRemoteShell.connect(target(remote), knownHosts);
    } catch (HostKeyChangedException e) {
      throw new CliException(e.getMessage(), null, e);
    } catch (RemoteShellException e) {
      throw failure(e);
    }
  }

  private static CliException failure(BootstrapException e) {
    return new CliException(e.getMessage(), null, e);
  }

  private static CliException failure(RemoteShellException e) {
    return new CliException(
        e.getMessage(), "perhaps you should check the remote's ip and ssh settings ('inertia remote show')", e);
  }

  /** A profile built with docker-compose (or of unknown type, built the same way), or no profile yet. */
  private static boolean usesCompose(ProjectConfig project) {
    return project.profiles().isEmpty()
        || project.profiles().stream()
            .anyMatch(p -> p.build() == null || p.build().type() == BuildType.DOCKER_COMPOSE);
  }

  private static BootstrapOutput output(Console console) {
    return new BootstrapOutput() {
      @Override
      public synchronized void message(String text) {
        console.println(text);
      }

      @Override
      public synchronized void remote(String line, boolean stderr) {
        console.raw(line);
      }

      @Override
      public synchronized void debug(String text) {
        console.debug(text);
      }
    };
  }

  private static String newSecret() {
    byte[] b = new byte[16];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
