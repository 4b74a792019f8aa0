package io.inertia.cli.ssh;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Trust on first use over an OpenSSH known_hosts file (docs/libraries.md#sshj-host-keys): an unknown host is
 * appended and accepted; a host whose key differs from the file is refused and remembered, so the
 * caller can explain it. One instance per connection attempt.
 */
final class TofuKnownHosts extends OpenSSHKnownHosts {
  private volatile String changedHost;
  private volatile String knownFingerprint;
  private volatile String presentedFingerprint;

  TofuKnownHosts(File file) throws IOException {
    super(file);
  }

  @Override
  protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
    try {
      KnownHostEntry entry = new HostEntry(null, hostname, KeyType.fromKey(key), key);
      entries().add(entry);
      write(entry);
      return true;
    } catch (IOException e) {
      // Not being able to record the key must not silently downgrade to "accept always".
      throw new UncheckedIOException("could not write " + getFile(), e);
    }
  }

  @Override
  protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
    changedHost = hostname;
    presentedFingerprint = fingerprint(key);
    KeyType type = KeyType.fromKey(key);
    for (KnownHostEntry e : entries()) {
      try {
        if (e.appliesTo(type, hostname)) {
          knownFingerprint = fingerprintOfLine(e.getLine());
          break;
        }
      } catch (IOException ignored) {
        // a malformed line cannot be the trusted one
      }
    }
    if (knownFingerprint == null) {
      knownFingerprint = "(unknown " + type + " key)";
    }
    return false;
  }

  /** A refusal recorded during the last connect, or null. */
  HostKeyChangedException changed() {
    return changedHost == null
        ? null
        : new HostKeyChangedException(
            changedHost, knownFingerprint, presentedFingerprint, getFile().toPath());
  }

  /** OpenSSH's {@code SHA256:<base64, no padding>} of the key's wire encoding. */
  static String fingerprint(PublicKey key) {
    return sha256(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
  }

  private static String fingerprintOfLine(String line) {
    // "<hosts> <type> <base64> [comment]" (markers like @cert-authority do not reach here)
    String[] parts = line.trim().split("\\s+");
    for (int i = 1; i < parts.length; i++) {
      if (parts[i - 1].startsWith("ssh-") || parts[i - 1].startsWith("ecdsa-")) {
        return sha256(Base64.getDecoder().decode(parts[i]));
      }
    }
    return "(unreadable entry)";
  }

  private static String sha256(byte[] blob) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
