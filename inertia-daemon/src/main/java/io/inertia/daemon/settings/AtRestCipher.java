package io.inertia.daemon.settings;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The daemon's at-rest cipher: AES-256-GCM with the 32-byte key in {@code <secrets>/db.key} (created 0600 when
 * missing; a present key of the wrong length stops the daemon instead of being replaced, unlike the original). It
 * seals env values, TOTP secrets and the webhook secret. The layout is the original's env format: a random 12-byte
 * nonce followed by ciphertext and 16-byte tag, no associated data. Thread-safe.
 */
public final class AtRestCipher {
  public static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public AtRestCipher(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("AES-256 needs a 32-byte key, got " + key.length);
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  /** Reads or creates the key file. @throws SecretFiles.InvalidSecretFileException when it is unusable */
  public static AtRestCipher fromKeyFile(Path file) {
    return new AtRestCipher(SecretFiles.readOrCreate(file, KEY_BYTES));
  }

  public byte[] seal(byte[] plaintext) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] ct = c.doFinal(plaintext);
      byte[] out = new byte[NONCE_BYTES + ct.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(ct, 0, out, NONCE_BYTES, ct.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed: " + e.getMessage(), e);
    }
  }

  /** @throws GeneralSecurityException when the data was not sealed with this key or is damaged */
  public byte[] open(byte[] sealed) throws GeneralSecurityException {
    if (sealed == null || sealed.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new GeneralSecurityException("sealed value is too short");
    }
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
    return c.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
  }
}
