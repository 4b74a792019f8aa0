package io.inertia.cli.bootstrap;

import io.inertia.cli.ssh.ExecResult;
import io.inertia.cli.ssh.LineListener;
import io.inertia.cli.ssh.RemoteShell;
import io.inertia.cli.ssh.RemoteShellException;
import io.inertia.common.tls.CertificateFingerprints;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The four steps of {@code inertia <remote> init} (docs/original.md#bootstrap-steps) and the other SSH lifecycle
 * operations (upgrade, uninstall, token), over one {@link RemoteShell}. Every step is idempotent:
 * running init twice leaves one daemon, the same deploy key and the same token. Blocking; not
 * thread-safe (one operation at a time per instance). All output goes to the {@link
 * BootstrapOutput}.
 */
public final class Bootstrap {
  /** The container name (docs/original.md#daemon-container). */
  public static final String CONTAINER = "inertia-daemon";

  static final String STEP_DOCKER = "Step 1/4 (install Docker)";
  static final String STEP_KEY = "Step 2/4 (deploy key)";
  static final String STEP_DAEMON = "Step 3/4 (start daemon)";
  static final String STEP_TOKEN = "Step 4/4 (fetch token)";

  private static final Pattern JWT =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
  private static final String DIVIDER = "=============================";
  private static final String LOG_MARK = "--inertia-daemon-log--";
  /** Polls (0.5 s apart) after which an unchanged certificate is accepted without a log line. */
  static final int UNCONFIRMED_POLLS = 10;

  private final RemoteShell shell;
  private final BootstrapOutput out;
  private final ImageTransfer transfer;
  private final Timeouts timeouts;

  /**
   * Bounds of the remote waits.
   *
   * @param install the Docker install and engine start ({@code apt-get} can be slow)
   * @param dockerdPolls seconds to poll for dockerd after starting it
   * @param keyscan per-host {@code ssh-keyscan -T} timeout, in seconds
   * @param imageTransfer a whole image transfer or pull
   * @param certificate waiting for the daemon to write its certificate
   * @param command any other single remote command
   */
  public record Timeouts(
      Duration install,
      int dockerdPolls,
      int keyscan,
      Duration imageTransfer,
      Duration certificate,
      Duration command) {
    public static final Timeouts DEFAULT =
        new Timeouts(
            Duration.ofMinutes(15),
            60,
            5,
            Duration.ofMinutes(30),
            Duration.ofSeconds(90),
            Duration.ofMinutes(2));
  }

  /**
   * What init leaves behind.
   *
   * @param token the daemon's master API token (a JWT), for {@code daemon.token}
   * @param certFingerprint the pinned daemon certificate fingerprint, for {@code
   *     daemon.cert-fingerprint}
   * @param deployKey the deploy key's public key line
   * @param webhookUrl {@code https://<ip>:<port>/webhook}
   * @param stepTimes wall time of each step, in order
   */
  public record Result(
      String token,
      String certFingerprint,
      String deployKey,
      String webhookUrl,
      Map<String, Duration> stepTimes) {}

  public Bootstrap(RemoteShell shell, BootstrapOutput out) {
    this(shell, out, new ImageTransfer(), Timeouts.DEFAULT);
  }

  public Bootstrap(
      RemoteShell shell, BootstrapOutput out, ImageTransfer transfer, Timeouts timeouts) {
    this.shell = shell;
    this.out = out;
    this.transfer = transfer;
    this.timeouts = timeouts;
  }

  /** The whole of {@code inertia <remote> init}: the four steps, then the summary (docs/original.md#bootstrap-steps). */
  public Result init(BootstrapSettings s) throws BootstrapException {
    Map<String, Duration> times = new LinkedHashMap<>();
    out.message("Setting up remote '" + s.remoteName() + "' at " + s.host());
    checkSudo("Setup");

    long t = System.nanoTime();
    out.message(":whale: Step 1/4: Installing docker...");
    installDocker();
    times.put("docker", since(t));

    t = System.nanoTime();
    out.message(":hammer_and_wrench: Step 2/4: Building deploy key...");
    String deployKey = deployKey(s.gitHosts());
    times.put("deploy-key", since(t));

    t = System.nanoTime();
    out.message(":robot: Step 3/4: Starting daemon...");
    long ti = System.nanoTime();
    deliverImage(STEP_DAEMON, s.image(), s.forceImageTransfer());
    times.put("image", since(ti));
    startDaemon(STEP_DAEMON, s);
    String fingerprint = awaitCertificate(STEP_DAEMON);
    times.put("daemon", since(t));

    t = System.nanoTime();
    out.message(":lock: Step 4/4: Fetching daemon API token...");
    String token = token(STEP_TOKEN, s.image());
    times.put("token", since(t));

    Result result = new Result(token, fingerprint, deployKey, s.webhookUrl(), times);
    printSummary(s, result);
    return result;
  }

  /** Step 1/4: install Docker when missing, then make sure dockerd runs (bounded wait). */
  public void installDocker() throws BootstrapException {
    ExecResult r =
        script(
            STEP_DOCKER,
            Scripts.DOCKER,
            Map.of("SUDO", shell.sudo().trim(), "DOCKERD_WAIT", Integer.toString(timeouts.dockerdPolls())),
            true,
            timeouts.install());
    if (!r.ok()) {
      throw new BootstrapException(
          STEP_DOCKER,
          "Docker could not be installed or started (exit " + r.exitCode() + ")",
          r.stderrTail(10),
          "Install Docker on the VPS yourself (e.g. 'apt-get install docker.io') and run init again.");
    }
  }

  /**
   * Step 2/4: keep or generate the deploy key, add the git hosts to the VPS's known_hosts (skipping
   * unreachable ones, with a message), and return the public key line.
   */
  public String deployKey(List<String> gitHosts) throws BootstrapException {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("SUDO", shell.sudo().trim());
    vars.put("GIT_HOSTS", String.join(" ", gitHosts));
    vars.put("KEYSCAN_TIMEOUT", Integer.toString(timeouts.keyscan()));
    ExecResult r = script(STEP_KEY, Scripts.KEYGEN, vars, false, timeouts.command());
    r.stderr().forEach(line -> out.remote(line, true));
    String key = r.stdoutText();
    if (!r.ok() || !key.startsWith("ssh-")) {
      throw new BootstrapException(
          STEP_KEY,
          "no deploy key was produced (exit " + r.exitCode() + ")",
          r.stderrTail(10),
          "Check that ssh-keygen works on the VPS and that ~/.ssh is writable.");
    }
    return key.lines().reduce((a, b) -> b).orElse(key);
  }

  /**
   * Puts the image on the remote engine: use the remote's copy when it has one (and the local one, if
   * any, is the same image); else stream the local image over SSH; else {@code docker pull} on the
   * remote.
   */
  public void deliverImage(String step, String image, boolean force) throws BootstrapException {
    try {
      Optional<String> remoteId = ImageTransfer.remoteImageId(shell, image);
      Optional<String> localId = transfer.localImageId(image);
      if (remoteId.isPresent() && !force && (localId.isEmpty() || localId.equals(remoteId))) {
        out.message("Using " + image + " already present on the remote");
        return;
      }
      if (localId.isPresent()) {
        out.message("Sending " + image + " over SSH...");
        ImageTransfer.Result r =
            transfer.send(
                shell,
                image,
                (bytes, elapsed) ->
                    out.remote(
                        String.format(
                            "  %,.1f MB sent (%.1f MB/s)",
                            bytes / 1e6, ImageTransfer.Result.megabytesPerSecond(bytes, elapsed)),
                        false),
                timeouts.imageTransfer());
        r.remoteOutput().forEach(line -> out.remote(line, false));
        out.message(
            String.format(
                "Sent %s: %.1f MB in %.1f s (%.1f MB/s)",
                image, r.bytes() / 1e6, r.elapsed().toMillis() / 1e3, r.megabytesPerSecond()));
        return;
      }
      out.message("Downloading " + image);
      ExecResult pull =
          shell.exec(
              shell.sudo() + "docker pull " + io.inertia.cli.ssh.ShellWords.quote(image),
              line -> out.remote(line, false),
              line -> out.remote(line, true),
              timeouts.imageTransfer());
      if (!pull.ok()) {
        throw new BootstrapException(
            step,
            "the image " + image + " is neither on the remote nor on this machine, and 'docker pull' failed",
            pull.stderrTail(5),
            "Build or pull the image locally (the CLI then sends it over SSH), or check that the VPS"
                + " can reach the registry.");
      }
    } catch (ImageTransferException e) {
      throw new BootstrapException(
          step, "sending " + image + " failed: " + e.getMessage(), List.of(), "Retry with the image present locally.", e);
    } catch (RemoteShellException e) {
      throw connectionFailure(step, e);
    }
  }

  /** Starts (or restarts) the daemon container from an image already on the remote. */
  void startDaemon(String step, BootstrapSettings s) throws BootstrapException {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("SUDO", shell.sudo().trim());
    vars.put("IMAGE", s.image());
    vars.put("DAEMON_SETTINGS", s.daemonEnvironment());
    vars.put("DAEMON_PORT", s.daemonPort());
    vars.put("HOST_ADDRESS", s.host());
    ExecResult r;
    try {
      // The secret goes on standard input: a command line is readable by every user of the VPS.
      r =
          shell.execWithInput(
              Scripts.command(Scripts.DAEMON_UP, vars),
              new java.io.ByteArrayInputStream(
                  (s.webhookSecret() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
              line -> out.remote(line, false),
              line -> out.remote(line, true),
              timeouts.command());
    } catch (RemoteShellException ex) {
      throw connectionFailure(step, ex);
    }
    if (!r.ok()) {
      throw new BootstrapException(
          step,
          "the daemon container could not be started (exit " + r.exitCode() + ")",
          r.stderrTail(10),
          "Check that port " + s.daemonPort() + " is free on the VPS ('docker ps'), then run the command again.");
    }
  }

  /**
   * Waits (bounded) until the daemon runs and serves {@code ~/.inertia/ssl/daemon.cert}, and returns
   * the certificate's fingerprint. The daemon logs "TLS certificate fingerprint SHA256:…" once it has
   * loaded its certificate; the file's fingerprint must match it. A daemon that logs no fingerprint is
   * accepted after {@link #UNCONFIRMED_POLLS} healthy polls with an unchanged file. Fails at once, with
   * the container's last log lines, when the container stops or restarts (a crash loop under {@code
   * --restart unless-stopped}).
   */
  String awaitCertificate(String step) throws BootstrapException {
    out.message("Waiting for the daemon to write its certificate...");
    String sudo = shell.sudo();
    // docker inspect --format '{{.State.Status}} {{.RestartCount}}' inertia-daemon
    String state =
        sudo + "docker inspect --format '{{.State.Status}} {{.RestartCount}}' " + CONTAINER;
    String probe =
        "if [ -s \"$HOME/.inertia/ssl/daemon.cert\" ]; then "
            + sudo
            + "cat \"$HOME/.inertia/ssl/daemon.cert\"; fi; echo "
            + LOG_MARK
            + "; "
            + sudo
            + "docker logs "
            + CONTAINER
            + " 2>&1 | grep -o 'TLS certificate fingerprint SHA256:[0-9A-Fa-f:]*' | tail -n 1";
    long deadline = System.nanoTime() + timeouts.certificate().toNanos();
    String previousPem = null;
    int unconfirmed = 0;
    String problem = "it was not written";
    try {
      while (true) {
        ExecResult st = shell.run(state, timeouts.command());
        String[] f = st.stdoutText().split(" ");
        String status = f[0];
        boolean restarted = f.length > 1 && !f[1].equals("0");
        if (!st.ok() || status.equals("exited") || status.equals("dead") || restarted) {
          ExecResult logs =
              shell.run(sudo + "docker logs --tail 20 " + CONTAINER + " 2>&1", timeouts.command());
          throw new BootstrapException(
              step,
              "the daemon container stopped (state '" + st.stdoutText() + "')",
              logs.stdout().isEmpty() ? st.stderrTail(5) : logs.stdout(),
              "See 'docker logs " + CONTAINER + "' on the VPS.");
        }
        if ("running".equals(status)) {
          String text = shell.run(probe, timeouts.command()).stdoutText();
          int mark = text.indexOf(LOG_MARK);
          String pem = mark < 0 ? "" : text.substring(0, mark).trim();
          String logged = mark < 0 ? "" : text.substring(mark + LOG_MARK.length()).trim();
          String served =
              logged.isEmpty() ? "" : logged.substring(logged.lastIndexOf(' ') + 1);
          String fileFingerprint = null;
          if (!pem.isEmpty()) {
            try {
              fileFingerprint = DaemonCertificates.fingerprint(pem);
            } catch (CertificateException e) {
              problem = "~/.inertia/ssl/daemon.cert is not a PEM certificate (" + e.getMessage() + ")";
            }
          }
          if (fileFingerprint != null && !served.isEmpty()) {
            if (CertificateFingerprints.matches(served, fileFingerprint)) {
              return fileFingerprint;
            }
            problem =
                "the daemon serves " + served + " but ~/.inertia/ssl/daemon.cert is " + fileFingerprint;
          } else if (fileFingerprint != null && pem.equals(previousPem)) {
            if (++unconfirmed >= UNCONFIRMED_POLLS) {
              return fileFingerprint; // a daemon that does not log its fingerprint
            }
          } else {
            unconfirmed = 0;
          }
          previousPem = pem;
        }
        if (System.nanoTime() > deadline) {
          throw new BootstrapException(
              step,
              "the daemon's certificate could not be confirmed within "
                  + timeouts.certificate().toSeconds()
                  + " s: "
                  + problem
                  + " (container state '"
                  + status
                  + "')",
              List.of(),
              "See 'docker logs " + CONTAINER + "' on the VPS.");
        }
        Thread.sleep(500);
      }
    } catch (RemoteShellException e) {
      throw connectionFailure(step, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BootstrapException(step, "interrupted", List.of(), null, e);
    }
  }

  /** {@code token --ssh} and step 4/4: the daemon image's {@code inertiad token} output. */
  public String token(String image) throws BootstrapException {
    return token("Token", image);
  }

  private String token(String step, String image) throws BootstrapException {
    ExecResult r =
        script(
            step,
            Scripts.TOKEN,
            Map.of("SUDO", shell.sudo().trim(), "IMAGE", image),
            false,
            timeouts.command());
    String token = r.stdoutText();
    if (!r.ok() || !JWT.matcher(token).matches()) {
      throw new BootstrapException(
          step,
          r.ok() ? "the daemon printed no token" : "'inertiad token' failed (exit " + r.exitCode() + ")",
          r.stderrTail(10),
          "Is the daemon set up? Run 'inertia <remote> init' first.");
    }
    return token;
  }

  /**
   * {@code upgrade}: stop the daemon, deliver the image of the new version and start it again; the
   * data in {@code ~/inertia} and {@code ~/.inertia} is kept, and so is the token.
   *
   * @return the new certificate fingerprint (normally unchanged)
   */
  public String upgrade(BootstrapSettings s) throws BootstrapException {
    checkSudo("Upgrade");
    out.message("Shutting down daemon...");
    daemonDown("Upgrade");
    out.message("Starting up the Inertia daemon (version " + s.version() + ")");
    deliverImage("Upgrade", s.image(), s.forceImageTransfer());
    startDaemon("Upgrade", s);
    return awaitCertificate("Upgrade");
  }

  /** {@code uninstall} over SSH: remove the daemon container, then Inertia's directories. */
  public void uninstall() throws BootstrapException {
    checkSudo("Uninstall");
    out.message("Stopping daemon...");
    daemonDown("Uninstall");
    out.message("Removing Inertia directories...");
    ExecResult r =
        script("Uninstall", Scripts.INERTIA_DOWN, Map.of("SUDO", shell.sudo().trim()), false, timeouts.command());
    if (!r.ok()) {
      throw new BootstrapException(
          "Uninstall", "removing ~/inertia and ~/.inertia failed", r.stderrTail(10), null);
    }
  }

  /** Removes the daemon container, if any. */
  public void daemonDown(String step) throws BootstrapException {
    ExecResult r =
        script(step, Scripts.DAEMON_DOWN, Map.of("SUDO", shell.sudo().trim()), false, timeouts.command());
    if (!r.ok()) {
      throw new BootstrapException(step, "the daemon could not be stopped", r.stderrTail(10), null);
    }
  }

  private void printSummary(BootstrapSettings s, Result r) {
    GitHostPages pages = GitHostPages.of(s.projectUrl());
    out.message("Inertia has been set up and daemon is running on remote!");
    out.message(
        "You may have to wait briefly for Inertia to set up some dependencies.\nUse 'inertia "
            + s.remoteName()
            + " logs' to check on the daemon's setup progress.");
    out.message("\n" + DIVIDER + "\n");
    out.message(":star: " + pages.title("Deploy Key") + " (" + pages.deployKeyPlace() + "):");
    out.message(r.deployKey());
    out.message("\n:star: " + pages.title("WebHook URL") + " (" + pages.webhookPlace() + "):");
    out.message(":globe_with_meridians: Address:  " + r.webhookUrl());
    out.message(":key: Secret:   " + s.webhookSecret());
    out.message(
        "\nThe daemon's certificate is self-signed. The Inertia CLI has pinned it ("
            + r.certFingerprint()
            + "),\nbut " + (pages.hostName().isEmpty() ? "the git host" : pages.hostName())
            + " cannot verify it: disable SSL verification in the webhook settings, or"
            + " install your own\ncertificate (https://inertia.ubclaunchpad.com/#custom-ssl-certificate).");
    out.message("\n" + DIVIDER + "\n");
    out.message(
        "Your Inertia daemon has been successfully deployed! Add your webhook url and deploy key to"
            + " your repository to enable continuous deployment. :rocket:");
    out.message("Then run 'inertia " + s.remoteName() + " up' to deploy your application!");
  }

  /** A non-root user must have password-less sudo; say so before anything else fails obscurely. */
  private void checkSudo(String step) throws BootstrapException {
    if (shell.target().isRoot()) {
      return;
    }
    try {
      ExecResult r = shell.run("sudo -n true", timeouts.command());
      if (!r.ok()) {
        throw new BootstrapException(
            step,
            "user '" + shell.target().user() + "' cannot run sudo without a password",
            r.stderrTail(3),
            "Give it password-less sudo (e.g. '" + shell.target().user()
                + " ALL=(ALL) NOPASSWD:ALL' in /etc/sudoers.d/) or connect as root.");
      }
    } catch (RemoteShellException e) {
      throw connectionFailure(step, e);
    }
  }

  private ExecResult script(
      String step, String name, Map<String, String> vars, boolean stream, Duration timeout)
      throws BootstrapException {
    LineListener o = stream ? line -> out.remote(line, false) : LineListener.NONE;
    LineListener e = stream ? line -> out.remote(line, true) : LineListener.NONE;
    try {
      ExecResult r = shell.exec(Scripts.command(name, vars), o, e, timeout);
      if (!stream) {
        out.debug(name + " stdout:\n>>>\n" + String.join("\n", r.stdout()) + "\n<<<");
        out.debug(name + " stderr:\n>>>\n" + String.join("\n", r.stderr()) + "\n<<<");
      }
      return r;
    } catch (RemoteShellException ex) {
      throw connectionFailure(step, ex);
    }
  }

  private static BootstrapException connectionFailure(String step, RemoteShellException e) {
    return new BootstrapException(
        step, e.getMessage(), List.of(), "Check the connection to the VPS and run the command again.", e);
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
