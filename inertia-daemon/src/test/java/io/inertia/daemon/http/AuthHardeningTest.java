package io.inertia.daemon.http;

import static io.inertia.daemon.http.DaemonApiTest.assertEnvelope;
import static io.inertia.daemon.http.TestDaemon.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.daemon.DaemonRuntime;
import io.inertia.daemon.TestClock;
import io.inertia.daemon.auth.LoginThrottle;
import io.inertia.daemon.auth.Totp;
import io.inertia.daemon.settings.DaemonSettings;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authentication and data at rest under attack, over real HTTPS: cross-user TOTP, throttled password checks, TOTP
 * replay (also across a restart), spread brute force from many source addresses, and secrets sealed in the database.
 */
class AuthHardeningTest {
  @TempDir Path root;

  private static Map<String, String> creds(String user, String password) {
    return Map.of("username", user, "password", password);
  }

  @Test
  void totpIsEnabledOnlyOnTheCallersOwnAccountAndItsPasswordCheckIsThrottled() {
    try (TestDaemon d = new TestDaemon(root, new TestClock())) {
      d.userToken("alice", "alicepass", true);
      String bob = d.userToken("bobby", "bobbypass", false);

      // Bob names Alice and knows her password: refused, no secret or backup codes handed out, Alice unchanged.
      HttpResponse<String> cross = d.post("/user/totp/enable", bob, creds("alice", "alicepass"));
      assertEnvelope(cross, 403, "a user can only manage their own TOTP");
      assertFalse(cross.body().contains("backup_codes"), cross.body());
      assertEnvelope(d.post("/user/login", null, creds("alice", "alicepass")), 200, "session created");
      // The master token belongs to no user with a password or TOTP.
      assertEnvelope(d.post("/user/totp/enable", d.master(), creds("alice", "alicepass")), 403, "the master token has no TOTP");

      // Wrong passwords on this path are throttled like logins.
      for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
        FromAddress.Reply r = FromAddress.post(d, "127.0.3.1", "/user/totp/enable", bob, Map.of("password", "wrong" + i));
        assertEquals(401, r.status(), r.body());
      }
      FromAddress.Reply blocked = FromAddress.post(d, "127.0.3.1", "/user/totp/enable", bob, Map.of("password", "bobbypass"));
      assertEquals(429, blocked.status(), blocked.body());
      assertFalse(blocked.body().contains("secret"), blocked.body());

      // Bob's own account, named or not, from an address that has not failed: works.
      FromAddress.Reply own = FromAddress.post(d, "127.0.3.2", "/user/totp/enable", bob, Map.of("password", "bobbypass"));
      assertEquals(200, own.status(), own.body());
      assertEquals(32, own.json().at("/data/totp/secret").asText().length());
      assertEnvelope(d.post("/user/login", null, creds("bobby", "bobbypass")), 417, "no TOTP provided");
    }
  }

  @Test
  void aTotpCodeIsAcceptedOnceEvenAcrossARestart() {
    TestClock clock = new TestClock();
    String secret;
    String used;
    try (TestDaemon d = new TestDaemon(root, clock)) {
      String carol = d.userToken("carol", "carolpass", false);
      secret = json(d.post("/user/totp/enable", carol, Map.of("password", "carolpass"))).at("/data/totp/secret").asText();
      used = Totp.code(secret, clock.instant());
      Map<String, String> login = Map.of("username", "carol", "password", "carolpass", "totp", used);
      assertEnvelope(d.post("/user/login", null, login), 200, "session created");
      assertEnvelope(d.post("/user/login", null, login), 401, "invalid credentials provided");
    }
    try (TestDaemon d = new TestDaemon(root, clock)) {
      Map<String, String> replay = Map.of("username", "carol", "password", "carolpass", "totp", used);
      assertEnvelope(d.post("/user/login", null, replay), 401, "invalid credentials provided");
      clock.advance(Duration.ofSeconds(Totp.PERIOD_SECONDS));
      // The old code is still inside the accepted window, but it was used: only the next step's code works, once.
      assertEnvelope(d.post("/user/login", null, replay), 401, "invalid credentials provided");
      Map<String, String> next =
          Map.of("username", "carol", "password", "carolpass", "totp", Totp.code(secret, clock.instant()));
      assertEnvelope(d.post("/user/login", null, next), 200, "session created");
      assertEnvelope(d.post("/user/login", null, next), 401, "invalid credentials provided");
    }
  }

  @Test
  void aSpreadAttackSlowsTheAttackerButNeverLocksTheOwnerOut() {
    try (TestDaemon d = new TestDaemon(root, new TestClock())) {
      d.userToken("owner", "ownerpass", false);
      for (int i = 1; i <= 9; i++) {
        String attacker = "127.0.1." + i;
        // Each fresh address gets its guess checked (a per-user block would answer 429 here, to the owner too)...
        FromAddress.Reply guess = FromAddress.post(d, attacker, "/user/login", null, creds("owner", "guess" + i));
        assertEquals(401, guess.status(), guess.body());
        if (i > LoginThrottle.FREE_FAILURES) {
          // ...but once the name is under attack, the address that failed is blocked at once.
          FromAddress.Reply again = FromAddress.post(d, attacker, "/user/login", null, creds("owner", "ownerpass"));
          assertEquals(429, again.status(), again.body());
        }
        if (i == 7 || i == 9) {
          // The owner, from an address that has not failed, logs in while the attack goes on.
          FromAddress.Reply owner = FromAddress.post(d, "127.0.2." + i, "/user/login", null, creds("owner", "ownerpass"));
          assertEquals(200, owner.status(), owner.body());
        }
      }
      assertEnvelope(d.post("/user/login", null, creds("owner", "ownerpass")), 200, "session created");
    }
  }

  @Test
  void totpAndWebhookSecretsAreSealedAtRestAndPlainRowsOfOlderVersionsAreSealedOnStart() throws Exception {
    String plainTotp = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    TestClock clock = new TestClock();
    try (TestDaemon d = new TestDaemon(root, clock)) {
      d.userToken("erin", "erinpass", false);
      d.runtime.webhookSecrets().update("hook-secret-new");
      assertEquals("", settingText(d.runtime));
      // What an older version left: both secrets in plain text.
      d.runtime.database().read(
          c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE users SET totp_secret = ? WHERE username = 'erin'")) {
              u.setString(1, plainTotp);
              u.executeUpdate();
            }
            try (PreparedStatement u =
                c.prepareStatement("UPDATE settings SET value = 'hook-secret-old', sealed = NULL WHERE name = 'webhook_secret'")) {
              return u.executeUpdate();
            }
          });
    }
    try (TestDaemon d = new TestDaemon(root, clock)) {
      assertEquals("hook-secret-old", d.runtime.webhookSecrets().current());
      assertEquals("", settingText(d.runtime));
      Map<String, String> login =
          Map.of("username", "erin", "password", "erinpass", "totp", Totp.code(plainTotp, clock.instant()));
      assertEnvelope(d.post("/user/login", null, login), 200, "session created");
      String[] row =
          d.runtime.database().read(
              c -> {
                try (PreparedStatement q =
                        c.prepareStatement("SELECT totp_secret, length(totp_sealed) FROM users WHERE username = 'erin'");
                    ResultSet rs = q.executeQuery()) {
                  rs.next();
                  return new String[] {rs.getString(1), rs.getString(2)};
                }
              });
      assertArrayEquals(new String[] {"", String.valueOf(12 + plainTotp.length() + 16)}, row);
    }
    // Nothing in the data directory holds either secret in plain text.
    try (Stream<Path> files = Files.list(DaemonSettings.under(root).dataDir())) {
      for (Path f : files.toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains(plainTotp), f.toString());
        assertFalse(bytes.contains("hook-secret-old"), f.toString());
        assertFalse(bytes.contains("hook-secret-new"), f.toString());
      }
    }
  }

  @Test
  void theWebhookSecretCanComeFromAFileInsteadOfTheCommandLine() throws Exception {
    Path file = root.resolve("webhook.secret");
    Files.writeString(file, "secret-from-file\n");
    DaemonSettings under = DaemonSettings.under(root);
    Map<String, String> env =
        Map.of(
            "INERTIA_DATA_DIR", under.dataDir().toString(),
            "INERTIA_SECRETS_DIR", under.secretsDir().toString(),
            "INERTIA_PROJECT_DIR", under.projectDir().toString(),
            "INERTIA_WEBHOOK_SECRET_FILE", file.toString());
    try (DaemonRuntime rt = new DaemonRuntime(DaemonSettings.fromEnvironment(env), "", "127.0.0.1", 0, new TestClock())) {
      assertEquals("secret-from-file", rt.webhookSecrets().current());
      assertEquals("", settingText(rt));
    }
  }

  private static String settingText(DaemonRuntime rt) {
    return rt.database().read(
        c -> {
          try (PreparedStatement q = c.prepareStatement("SELECT value FROM settings WHERE name = 'webhook_secret'");
              ResultSet rs = q.executeQuery()) {
            assertTrue(rs.next());
            return rs.getString(1);
          }
        });
  }
}
