package io.inertia.daemon.auth;

import io.inertia.common.api.TotpSecret;
import io.inertia.daemon.auth.AuthException.Reason;
import io.inertia.daemon.settings.AtRestCipher;
import io.inertia.daemon.store.SqliteSessionStore;
import io.inertia.daemon.store.SqliteUserStore;
import io.inertia.daemon.store.SqliteUserStore.PlainTotp;
import io.inertia.daemon.store.SqliteUserStore.UserRecord;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users, sessions and TOTP (docs/original.md#users, #totp), persisted in the daemon database. The {@code master} user (admin,
 * no password, cannot log in) is written on every start and never listed. Deviations from the original: adding an
 * existing user is a conflict instead of an overwrite; sessions survive restarts and expire after the configured
 * lifetime; backup codes are stored hashed and work once; every password check is throttled (see {@link
 * LoginThrottle}); TOTP secrets are sealed at rest with the daemon's {@link AtRestCipher} (plain ones left by older
 * versions are sealed at start); a TOTP code is accepted once (the last accepted step is stored, so a restart does not
 * reopen it); a user enables TOTP only on their own account. Thread-safe.
 */
public final class UserService {
  private static final Logger LOG = LoggerFactory.getLogger(UserService.class);
  static final String USERNAME_RULE =
      "Username must be at least 3 characters and only letters, numbers, underscores, and dashes are allowed";
  static final String PASSWORD_RULE =
      "Password must be at least 5 characters and only letters, numbers, underscores, and dashes are allowed";
  static final String SAME_RULE = "Username and password must be different";
  private static final Pattern ALLOWED = Pattern.compile("^[A-Za-z0-9_-]+$");
  private static final int TOTP_SECRET_BYTES = 20;
  private static final int BACKUP_CODES = 10;

  private final SqliteUserStore users;
  private final SqliteSessionStore sessions;
  private final TokenService tokens;
  private final LoginThrottle throttle;
  private final AtRestCipher cipher;
  private final Clock clock;
  private final Duration sessionTtl;
  private final SecureRandom random = new SecureRandom();

  public UserService(
      SqliteUserStore users,
      SqliteSessionStore sessions,
      TokenService tokens,
      LoginThrottle throttle,
      AtRestCipher cipher,
      Clock clock,
      Duration sessionTtl) {
    this.users = users;
    this.sessions = sessions;
    this.tokens = tokens;
    this.throttle = throttle;
    this.cipher = cipher;
    this.clock = clock;
    this.sessionTtl = sessionTtl;
    users.ensureMaster(clock.millis());
    sealPlainTotpSecrets();
  }

  /** Older versions stored TOTP secrets in plain text: seal them (same key and format as env values). */
  private void sealPlainTotpSecrets() {
    List<PlainTotp> plain = users.plainTotpSecrets();
    for (PlainTotp p : plain) {
      users.sealTotp(p.username(), cipher.seal(p.secret().getBytes(StandardCharsets.US_ASCII)));
    }
    if (!plain.isEmpty()) {
      LOG.info("sealed {} TOTP secret(s) stored in plain text by an older version", plain.size());
    }
  }

  /**
   * Adds a user.
   *
   * @throws AuthException INVALID_INPUT "invalid credentials format" (detail = the rule broken), CONFLICT "user
   *     already exists"
   */
  public void add(String username, String password, boolean admin) {
    validate(username, password);
    if (!users.insert(username, Passwords.hash(password), admin, clock.millis())) {
      throw new AuthException(
          Reason.CONFLICT, "user already exists", "remove the user first to change it", username);
    }
  }

  /** Removes a user and ends its sessions. @throws AuthException NOT_FOUND "user not found" */
  public void remove(String username) {
    if (username == null || username.isBlank() || Principal.MASTER.equals(username) || !users.delete(username)) {
      throw new AuthException(Reason.NOT_FOUND, "user not found", null, username);
    }
    sessions.deleteForUser(username);
  }

  /** User names, without {@code master}. */
  public List<String> list() {
    return users.namesWithoutMaster();
  }

  /** Deletes every user but {@code master} and ends every session. */
  public void reset() {
    users.deleteAllButMaster();
    sessions.deleteAll();
  }

  /**
   * Checks the credentials (and TOTP or a backup code when enabled) and opens a session.
   *
   * @return a session token
   * @throws AuthException INVALID_INPUT "no credentials provided", THROTTLED, BAD_CREDENTIALS "invalid credentials
   *     provided", TOTP_REQUIRED "no TOTP provided"
   */
  public String login(String username, String password, String totp, String address) {
    if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
      throw new AuthException(Reason.INVALID_INPUT, "no credentials provided");
    }
    throttle.check(address);
    Optional<UserRecord> found = users.find(username).filter(u -> !u.passwordHash().isEmpty());
    if (found.isEmpty()) {
      Passwords.burn(password);
      throttle.failure(username, address);
      throw badCredentials();
    }
    UserRecord user = found.get();
    if (!Passwords.matches(user.passwordHash(), password)) {
      failed(user, address);
    }
    if (user.totpEnabled()) {
      if (totp == null || totp.isBlank()) {
        throw new AuthException(
            Reason.TOTP_REQUIRED, "no TOTP provided", "TOTP required: send a TOTP or a backup code", username);
      }
      boolean ok = totpAccepted(user, totp) || users.consumeBackupCode(username, backupHash(username, totp));
      if (!ok) {
        failed(user, address);
      }
    }
    throttle.success(address);
    if (user.loginAttempts() != 0) {
      users.setLoginAttempts(username, 0);
    }
    String sessionId = randomId();
    Instant now = clock.instant();
    Instant expiry = now.plus(sessionTtl);
    sessions.create(sessionId, username, now.toEpochMilli(), expiry.toEpochMilli());
    return tokens.sessionToken(username, user.admin(), sessionId, expiry);
  }

  /** Ends a session; unknown ids are ignored. */
  public void logout(String sessionId) {
    if (sessionId != null && !sessionId.isEmpty()) {
      sessions.delete(sessionId);
    }
  }

  /**
   * Enables TOTP on the caller's own account after checking its password (a throttled check, like a login).
   *
   * @param namedUser the user the request names, if any: it must be the caller
   * @throws AuthException FORBIDDEN for another user or the master token, INVALID_INPUT without a password,
   *     THROTTLED, BAD_CREDENTIALS, CONFLICT "TOTP is already enabled on this user"
   */
  public TotpSecret enableTotp(Principal caller, String namedUser, String password, String address) {
    if (caller.master()) {
      throw new AuthException(
          Reason.FORBIDDEN, "the master token has no TOTP", "log in as the user and enable TOTP with that session", null);
    }
    String username = caller.user();
    if (namedUser != null && !namedUser.isEmpty() && !namedUser.equals(username)) {
      throw new AuthException(
          Reason.FORBIDDEN, "a user can only manage their own TOTP", "logged in as " + username, namedUser);
    }
    if (password == null || password.isEmpty()) {
      throw new AuthException(Reason.INVALID_INPUT, "no credentials provided");
    }
    throttle.check(address);
    UserRecord user = users.find(username).orElse(null);
    if (user == null) {
      // Removed since the token was issued.
      Passwords.burn(password);
      throttle.failure(username, address);
      throw badCredentials();
    }
    if (!Passwords.matches(user.passwordHash(), password)) {
      failed(user, address);
    }
    throttle.success(address);
    if (user.totpEnabled()) {
      throw new AuthException(Reason.CONFLICT, "TOTP is already enabled on this user", null, username);
    }
    String secret = Totp.newSecret(random, TOTP_SECRET_BYTES);
    List<String> codes = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < BACKUP_CODES; i++) {
      byte[] b = new byte[5];
      random.nextBytes(b);
      String hex = HexFormat.of().formatHex(b);
      String code = hex.substring(0, 5) + "-" + hex.substring(5);
      codes.add(code);
      hashes.add(backupHash(username, code));
    }
    users.setTotp(username, cipher.seal(secret.getBytes(StandardCharsets.US_ASCII)), hashes);
    return new TotpSecret(secret, codes);
  }

  /** Disables TOTP. @throws AuthException CONFLICT "TOTP is not enabled on this user" */
  public void disableTotp(String username) {
    UserRecord user = users.find(username).orElse(null);
    if (user == null || !user.totpEnabled()) {
      throw new AuthException(Reason.CONFLICT, "TOTP is not enabled on this user", null, username);
    }
    users.setTotp(username, null, List.of());
  }

  /** Whether the user exists and is an admin ({@code master} always is). */
  public boolean isAdmin(String username) {
    return users.find(username).map(UserRecord::admin).orElse(false);
  }

  /** Whether the user exists. */
  public boolean exists(String username) {
    return users.find(username).isPresent();
  }

  /** Whether session {@code id} of {@code user} is still open. */
  public boolean sessionActive(String id, String user) {
    return sessions.isActive(id, user, clock.millis());
  }

  /** The number of failed logins since the last success, as stored. */
  public int loginAttempts(String username) {
    return users.find(username).map(UserRecord::loginAttempts).orElse(0);
  }

  static void validate(String username, String password) {
    String u = username == null ? "" : username;
    String p = password == null ? "" : password;
    String rule = null;
    if (u.equals(p)) {
      rule = SAME_RULE;
    } else if (u.length() < 3 || u.length() > 127 || !ALLOWED.matcher(u).matches()) {
      rule = USERNAME_RULE;
    } else if (p.length() < 5 || p.length() > 127 || !ALLOWED.matcher(p).matches()) {
      rule = PASSWORD_RULE;
    }
    if (rule != null) {
      throw new AuthException(Reason.INVALID_INPUT, "invalid credentials format", rule, null);
    }
  }

  /**
   * Whether {@code code} is the user's current TOTP code and has not been used: its step must be newer than the last
   * accepted one, which is then recorded (atomically, so two concurrent logins cannot both use it).
   */
  private boolean totpAccepted(UserRecord user, String code) {
    String secret;
    try {
      secret = new String(cipher.open(user.totpSealed()), StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      LOG.warn("the TOTP secret of {} cannot be decrypted with this db.key; only backup codes work", user.username());
      return false;
    }
    long step = Totp.matchingStep(secret, code, clock.instant(), user.totpLastStep());
    return step >= 0 && users.useTotpStep(user.username(), step);
  }

  private void failed(UserRecord user, String address) {
    users.setLoginAttempts(user.username(), user.loginAttempts() + 1);
    throttle.failure(user.username(), address);
    throw badCredentials();
  }

  private static AuthException badCredentials() {
    return new AuthException(Reason.BAD_CREDENTIALS, "invalid credentials provided");
  }

  private String randomId() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** Backup codes are stored as SHA-256 over user name and code (codes carry 40 random bits and work once). */
  static String backupHash(String username, String code) {
    try {
      String normalised = code.trim().toLowerCase(Locale.ROOT);
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest((username + "\n" + normalised).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
