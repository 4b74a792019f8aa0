package io.inertia.daemon.auth;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** bcrypt password hashes ({@code $2a$}, cost 10 as the original) through BouncyCastle. Thread-safe. */
final class Passwords {
  static final int COST = 10;
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Checked against when the user does not exist, so unknown and known users take the same time. */
  private static final String DUMMY = hash("not-a-real-password");

  private Passwords() {}

  static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return OpenBSDBCrypt.generate("2a", password.toCharArray(), salt, COST);
  }

  static boolean matches(String hash, String password) {
    if (hash == null || hash.isEmpty()) {
      OpenBSDBCrypt.checkPassword(DUMMY, password.toCharArray());
      return false;
    }
    try {
      return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Spends the time of one check without a user, to hide whether the user exists. */
  static void burn(String password) {
    OpenBSDBCrypt.checkPassword(DUMMY, password.toCharArray());
  }
}
