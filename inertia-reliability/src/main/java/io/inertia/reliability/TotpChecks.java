package io.inertia.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * TOTP: a user enables TOTP only on their own account (user B with A's password must not enable it for A), a code is
 * accepted once (RFC 6238 §5.2), and the password check of {@code /user/totp/enable} is throttled like a login.
 */
public final class TotpChecks {
  private final Api api;
  private final Table table;
  private final String master;

  public TotpChecks(Api api, Table table, String master) {
    this.api = api;
    this.table = table;
    this.master = master;
  }

  private String bob;
  private String carol;
  private String dave;

  public void run() {
    // every session first: the later checks fail logins from this address on purpose
    api.addUser(master, "rel-alice", "alice-password-1", false);
    api.addUser(master, "rel-bob", "bob-password-1", false);
    api.addUser(master, "rel-carol", "carol-password-1", false);
    api.addUser(master, "rel-dave", "dave-password-1", false);
    bob = api.login("rel-bob", "bob-password-1", null);
    carol = api.login("rel-carol", "carol-password-1", null);
    dave = api.login("rel-dave", "dave-password-1", null);
    crossUser();
    replay();
    enableThrottled();
  }

  private void crossUser() {
    if (bob == null) {
      table.add("TOTP cross-user", "user B enables TOTP for A", false, "B cannot log in; cannot run");
      return;
    }
    Http.Response r =
        api.post("/user/totp/enable", bob, Api.obj("username", "rel-alice", "password", "alice-password-1"));
    boolean gotSecret = r.status() / 100 == 2;
    Http.Response alice =
        api.post("/user/login", null, Api.obj("username", "rel-alice", "password", "alice-password-1"));
    boolean held = !gotSecret && alice.status() == 200;
    table.add("TOTP cross-user", "user B enables TOTP for A with A's password", held,
        "B's call -> " + Api.brief(r) + "; A logs in without TOTP -> " + Api.brief(alice));
  }

  private void replay() {
    if (carol == null) {
      table.add("TOTP replay", "log in twice with one code", false, "cannot log in; cannot run");
      return;
    }
    Http.Response enable =
        api.post("/user/totp/enable", carol, Api.obj("username", "rel-carol", "password", "carol-password-1"));
    JsonNode totp = Api.json(enable).path("data").path("totp");
    String secret = totp.path("secret").asText("");
    if (enable.status() != 200 || secret.isEmpty()) {
      table.add("TOTP replay", "log in twice with one code", false, "enable own TOTP -> " + Api.brief(enable));
      return;
    }
    long now = System.currentTimeMillis() / 1000;
    if (now % 30 > 25) {
      // keep both logins inside one step, so only the replay rule can refuse the second
      Daemon.sleep((31 - now % 30) * 1000);
      now = System.currentTimeMillis() / 1000;
    }
    String code = Totp.code(secret, now);
    Http.Response first =
        api.post("/user/login", null, Api.obj("username", "rel-carol", "password", "carol-password-1", "totp", code));
    Http.Response second =
        api.post("/user/login", null, Api.obj("username", "rel-carol", "password", "carol-password-1", "totp", code));
    String backup = totp.path("backup_codes").path(0).asText("");
    List<String> figure = new ArrayList<>();
    figure.add("first -> " + Api.brief(first));
    figure.add("same code again -> " + Api.brief(second));
    boolean held = first.status() == 200 && second.status() == 401;
    if (!backup.isEmpty()) {
      Http.Response b1 = api.post("/user/login", null,
          Api.obj("username", "rel-carol", "password", "carol-password-1", "totp", backup));
      Http.Response b2 = api.post("/user/login", null,
          Api.obj("username", "rel-carol", "password", "carol-password-1", "totp", backup));
      figure.add("backup code -> " + b1.status() + ", again -> " + b2.status());
      held &= b1.status() == 200 && b2.status() == 401;
    }
    table.add("TOTP replay", "log in twice with one code (and one backup code)", held, String.join("; ", figure));
  }

  private void enableThrottled() {
    if (dave == null) {
      table.add("TOTP enable: password throttled", "wrong passwords", false, "cannot log in; cannot run");
      return;
    }
    int tries = 12;
    int throttled = 0;
    int enabled = 0;
    java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    for (int i = 0; i < tries; i++) {
      Http.Response r = api.post("/user/totp/enable", dave, Api.obj("username", "rel-dave", "password", "wrong-" + i));
      statuses.merge(r.status(), 1, Integer::sum);
      if (r.status() == 429) {
        throttled++;
      } else if (r.status() / 100 == 2) {
        enabled++;
      }
    }
    table.add("TOTP enable: password throttled", tries + " wrong passwords at /user/totp/enable",
        throttled > 0 && enabled == 0, "statuses " + statuses);
  }
}
