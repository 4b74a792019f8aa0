package io.inertia.cli.ssh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

/**
 * {@link RemoteShell} over one sshj connection: public-key login, host keys trusted on first use in an
 * OpenSSH known_hosts file, one SSH session per command with stdout and stderr read on two threads
 * (docs/libraries.md#sshj-exec). Thread-safe: sessions on one connection may run in parallel.
 */
public final class SshjRemoteShell implements RemoteShell {
  static {
    // sshj logs ERROR with stack traces for a refused host key or a failed login; the CLI reports
    // those itself (only Console prints: docs/architecture.md#boundaries). Respect an explicit setting.
    quietLogger("net.schmizz");
    quietLogger("com.hierynomus.sshj");
    // Do not install BouncyCastle as a JCE provider: sshj would then take AES and HMAC from its pure
    // Java code instead of the JDK's AES-NI/GHASH intrinsics. Measured here (300 MB into `cat`):
    // BC chacha20-poly1305 120-200 MB/s, JDK aes128-gcm 630 MB/s (OpenSSH client: 260-340 MB/s);
    // registering the provider also costs ~0.4 s per CLI start.
    SecurityUtils.setRegisterBouncyCastle(false);
  }

  /** Preferred ciphers: AEAD first, CTR next; CBC, 3DES, Blowfish and RC4 are not offered. */
  private static final List<String> CIPHERS =
      List.of(
          "aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr", "aes192-ctr", "aes256-ctr");

  /** Preferred MACs (unused with AES-GCM): encrypt-then-MAC SHA-2 first; no MD5, no truncated MACs. */
  private static final List<String> MACS =
      List.of(
          "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha2-256",
          "hmac-sha2-512", "hmac-sha1-etm@openssh.com", "hmac-sha1");

  /** sshj's defaults restricted to and ordered by {@link #CIPHERS} and {@link #MACS}. */
  public static DefaultConfig defaultConfig() {
    DefaultConfig c = new DefaultConfig();
    c.setCipherFactories(ordered(c.getCipherFactories(), CIPHERS));
    c.setMACFactories(ordered(c.getMACFactories(), MACS));
    return c;
  }

  private static <T> List<Factory.Named<T>> ordered(List<Factory.Named<T>> all, List<String> names) {
    List<Factory.Named<T>> out = new ArrayList<>();
    for (String n : names) {
      for (Factory.Named<T> f : all) {
        if (f.getName().equals(n)) {
          out.add(f);
        }
      }
    }
    return out.isEmpty() ? all : out;
  }

  private static final int IO_BUFFER = 64 * 1024;

  private final SSHClient ssh;
  private final SshTarget target;

  private SshjRemoteShell(SSHClient ssh, SshTarget target) {
    this.ssh = ssh;
    this.target = target;
  }

  /**
   * Connects and logs in. An unknown host key is appended to {@code knownHosts} (created with its
   * parent directories); a changed one is refused with a {@link HostKeyChangedException}.
   *
   * @throws RemoteShellException with a message that names the host and the likely fix
   */
  public static SshjRemoteShell connect(SshTarget target, Path knownHosts)
      throws RemoteShellException {
    return connect(target, knownHosts, defaultConfig());
  }

  /** {@link #connect(SshTarget, Path)} with an sshj configuration (cipher order etc.; benchmarks). */
  public static SshjRemoteShell connect(SshTarget target, Path knownHosts, Config config)
      throws RemoteShellException {
    TofuKnownHosts verifier;
    try {
      if (knownHosts.getParent() != null) {
        Files.createDirectories(knownHosts.getParent());
      }
      verifier = new TofuKnownHosts(knownHosts.toFile());
    } catch (IOException e) {
      throw new RemoteShellException("cannot read known hosts file " + knownHosts + ": " + e, e);
    }
    SSHClient ssh = new SSHClient(config);
    ssh.addHostKeyVerifier(verifier);
    ssh.setConnectTimeout(15_000);
    boolean ok = false;
    try {
      try {
        ssh.connect(target.host(), target.port());
      } catch (TransportException e) {
        HostKeyChangedException changed = verifier.changed();
        if (changed != null) {
          throw changed;
        }
        throw new RemoteShellException(
            "SSH connection to " + target.display() + " failed: " + e.getMessage(), e);
      } catch (UncheckedIOException e) {
        throw new RemoteShellException(e.getMessage(), e.getCause());
      } catch (IOException e) {
        throw new RemoteShellException(
            "cannot reach "
                + target.display()
                + " ("
                + e
                + ") - is the VPS up and ssh-port correct?",
            e);
      }
      ssh.getConnection().getKeepAlive().setKeepAliveInterval(30);
      authenticate(ssh, target);
      ok = true;
      return new SshjRemoteShell(ssh, target);
    } finally {
      if (!ok) {
        closeQuietly(ssh);
      }
    }
  }

  private static void authenticate(SSHClient ssh, SshTarget target) throws RemoteShellException {
    Path key = target.identityFile();
    if (!Files.isReadable(key)) {
      throw new RemoteShellException(
          "cannot read SSH identity file " + key + " - check ssh.identityfile of the remote");
    }
    try {
      KeyProvider keys =
          target.passphrase() == null
              ? ssh.loadKeys(key.toString())
              : ssh.loadKeys(key.toString(), target.passphrase().toCharArray());
      // Decrypt now: an encrypted key without its passphrase fails here with a clear cause, not as
      // a vague "authentication exhausted" later.
      keys.getPrivate();
      ssh.authPublickey(target.user(), keys);
    } catch (UserAuthException e) {
      throw new RemoteShellException(
          "SSH login as "
              + target.display()
              + " with key "
              + key
              + " was refused - is its public key in ~"
              + target.user()
              + "/.ssh/authorized_keys on the VPS?",
          e);
    } catch (IOException | RuntimeException e) {
      String hint =
          target.passphrase() == null
              ? " (if the key is encrypted, set " + SshTarget.PASSPHRASE_ENV + ")"
              : " (is " + SshTarget.PASSPHRASE_ENV + " right?)";
      throw new RemoteShellException(
          "cannot use SSH identity file " + key + ": " + e.getMessage() + hint, e);
    }
  }

  @Override
  public SshTarget target() {
    return target;
  }

  @Override
  public ExecResult exec(String command, LineListener stdout, LineListener stderr, Duration timeout)
      throws RemoteShellException {
    return execWithInput(command, null, stdout, stderr, timeout);
  }

  @Override
  public ExecResult execWithInput(
      String command,
      InputStream stdin,
      LineListener stdout,
      LineListener stderr,
      Duration timeout)
      throws RemoteShellException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> outLines = Collections.synchronizedList(new ArrayList<>());
    List<String> errLines = Collections.synchronizedList(new ArrayList<>());
    try (Session session = ssh.startSession()) {
      Session.Command cmd = session.exec(command);
      Thread outReader = reader(cmd.getInputStream(), stdout, outLines, "ssh-stdout");
      Thread errReader = reader(cmd.getErrorStream(), stderr, errLines, "ssh-stderr");
      // Feed stdin on its own thread: a remote command that stops reading early (docker load
      // rejecting the stream) leaves the channel window full, and a blocked write must not keep us
      // from seeing its exit status.
      IOException[] writeFailure = new IOException[1];
      Thread writer =
          new Thread(
              () -> {
                try (OutputStream remoteIn = cmd.getOutputStream()) {
                  if (stdin != null) {
                    byte[] buf = new byte[IO_BUFFER];
                    int n;
                    while ((n = stdin.read(buf)) >= 0) {
                      remoteIn.write(buf, 0, n);
                    }
                    // Flush before close: sshj's close() flushes without waiting for window space
                    // and then sends EOF, dropping the buffered tail when the window is full (seen
                    // here: 8 MiB + 17 bytes arrived as 8 MiB, exit 0, in 2-6 of 30 runs).
                    remoteIn.flush();
                  }
                } catch (IOException e) {
                  writeFailure[0] = e;
                }
              },
              "ssh-stdin");
      writer.setDaemon(true);
      writer.start();
      try {
        cmd.join(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ConnectionException e) {
        if (!(e.getCause() instanceof java.util.concurrent.TimeoutException)) {
          throw e;
        }
      }
      joinReader(outReader, deadline);
      joinReader(errReader, deadline);
      Integer status = cmd.getExitStatus();
      if (status == null && cmd.isOpen()) {
        throw new RemoteShellException(
            "timed out after " + timeout.toSeconds() + " s waiting for: " + brief(command));
      }
      if (writer.isAlive()) {
        session.close(); // unblocks a writer stuck on a full window
        joinReader(writer, deadline);
      }
      // A failed write closes the stream early: the remote then sees a truncated input and may
      // well exit 0. Only a remote that failed on its own explains a failed write.
      if (writeFailure[0] != null && (status == null || status == 0)) {
        throw new RemoteShellException(
            "sending data to " + target.display() + " failed: " + writeFailure[0].getMessage(),
            writeFailure[0]);
      }
      return new ExecResult(brief(command), status == null ? -1 : status, outLines, errLines);
    } catch (ConnectionException e) {
      if (e.getCause() instanceof java.util.concurrent.TimeoutException) {
        throw new RemoteShellException(
            "timed out after " + timeout.toSeconds() + " s waiting for: " + brief(command), e);
      }
      throw new RemoteShellException(
          "SSH command on " + target.display() + " failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new RemoteShellException(
          "SSH command on " + target.display() + " failed: " + e.getMessage(), e);
    }
  }

  private static Thread reader(
      InputStream in, LineListener listener, List<String> sink, String name) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), IO_BUFFER)) {
                String line;
                while ((line = r.readLine()) != null) {
                  sink.add(line);
                  listener.line(line);
                }
              } catch (IOException ignored) {
                // the channel closed; what was read is kept
              }
            },
            name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void joinReader(Thread t, long deadline) {
    try {
      long leftMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
      t.join(Math.min(leftMs, 5_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String brief(String command) {
    String c = command.strip();
    if (c.startsWith("sh -c '") && c.matches("(?s).*' [\\w.-]+")) {
      // a bundled script, named by its $0 argument
      return c.substring(c.lastIndexOf(' ') + 1);
    }
    String first = c.lines().findFirst().orElse("");
    return first.length() > 120 ? first.substring(0, 117) + "..." : first;
  }

  @Override
  public void close() {
    closeQuietly(ssh);
  }

  private static void closeQuietly(SSHClient ssh) {
    try {
      ssh.close();
    } catch (IOException ignored) {
      // closing a broken connection has nothing left to report
    }
  }

  private static void quietLogger(String name) {
    String key = "org.slf4j.simpleLogger.log." + name;
    if (System.getProperty(key) == null) {
      System.setProperty(key, "off");
    }
  }
}
