package io.inertia.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tokens the daemon must refuse (forged, tampered, {@code alg: none}, signed by another daemon's key, expired,
 * revoked by logout and by removing the user), {@code Bearer} tricks on a kept-alive connection, HEAD without a
 * token on protected routes, and a non-admin on admin routes.
 */
public final class TokenChecks {
  private static final List<String> PROTECTED_GETS =
      List.of("/status", "/user/validate", "/user/list", "/releases", "/env", "/logs", "/webhook/deliveries", "/token");
  private static final List<String> ADMIN_GETS = List.of("/user/list", "/env", "/token", "/webhook/deliveries");

  private final Api api;
  private final Table table;
  private final String master;
  private final Path home;

  public TokenChecks(Api api, Table table, String master, Path home) {
    this.api = api;
    this.table = table;
    this.master = master;
    this.home = home;
  }

  public void run() throws IOException {
    forged();
    bearerTricks();
    headWithoutToken();
    nonAdmin();
  }

  private void forged() throws IOException {
    api.addUser(master, "rel-jwt", "jwt-password-1", false);
    api.addUser(master, "rel-jwt-gone", "jwt-password-2", false);
    String user = api.login("rel-jwt", "jwt-password-1", null);
    String gone = api.login("rel-jwt-gone", "jwt-password-2", null);
    if (user == null || gone == null) {
      table.add("forged/expired/foreign/revoked JWTs", "log in test users", false, "login failed; cannot run");
      return;
    }
    Map<String, String> tokens = new LinkedHashMap<>();
    byte[] foreignKey = new byte[32];
    new SecureRandom().nextBytes(foreignKey);
    ObjectNode masterClaims = Jwt.claims(master);
    tokens.put("foreign key (master claims)", Jwt.hs256(masterClaims, foreignKey));
    tokens.put("alg none (master claims)", Jwt.none(masterClaims));
    ObjectNode escalated = Jwt.claims(user);
    escalated.put("admin", true);
    escalated.put("user", "master");
    tokens.put("tampered payload (user -> master)", Jwt.tampered(user, escalated));
    tokens.put("empty signature", user.substring(0, user.lastIndexOf('.') + 1));
    tokens.put("garbage", "not.a.token");
    Path keyFile = home.resolve(".inertia/jwt.key");
    if (Files.isRegularFile(keyFile) && Files.size(keyFile) == 32) {
      byte[] key = Files.readAllBytes(keyFile);
      ObjectNode expired = Jwt.claims(user);
      long past = Instant.now().minusSeconds(3600).getEpochSecond();
      expired.put("exp", past);
      expired.put("iat", past - 60);
      expired.put("expiry", Instant.ofEpochSecond(past).toString());
      tokens.put("expired (real key)", Jwt.hs256(expired, key));
      ObjectNode unknownSession = Jwt.claims(user);
      unknownSession.put("session_id", "no-such-session");
      tokens.put("unknown session (real key)", Jwt.hs256(unknownSession, key));
    }
    api.post("/user/logout", user, null);
    tokens.put("revoked by logout", user);
    api.post("/user/remove", master, Api.obj("username", "rel-jwt-gone"));
    tokens.put("revoked by user removal", gone);

    List<String> accepted = new ArrayList<>();
    int tried = 0;
    for (Map.Entry<String, String> t : tokens.entrySet()) {
      for (String path : List.of("/user/validate", "/user/list")) {
        tried++;
        Http.Response r = api.get(path, t.getValue());
        if (r.status() != 401 || !Api.envelope(r)) {
          accepted.add(t.getKey() + " " + path + " -> " + Api.brief(r));
        }
      }
    }
    table.add("forged/expired/foreign/revoked JWTs", tokens.size() + " bad tokens x 2 routes", accepted.isEmpty(),
        (tried - accepted.size()) + "/" + tried + " refused with 401"
            + (accepted.isEmpty() ? "" : "; not refused: " + String.join("; ", accepted)));
  }

  private void bearerTricks() {
    String upper = master.toUpperCase(java.util.Locale.ROOT);
    List<String> problems = new ArrayList<>();
    List<String> variants = List.of("BEARER " + upper, "Bearer " + upper, "bearer " + upper, "Bearer " + master + "x",
        "Bearer" + master, "Basic " + master);
    int tried = 0;
    Http.Conn c = null;
    try {
      for (String auth : variants) {
        tried++;
        Http.Response r = null;
        for (int attempt = 0; attempt < 2 && r == null; attempt++) {
          try {
            if (c == null) {
              // a fresh kept-alive connection that has just carried the valid token
              c = Http.Conn.open(api.target(), 10_000);
              Http.Response ok = c.exchange(get("/user/validate", "Bearer " + master), false);
              if (ok.status() != 200) {
                problems.add("valid token -> " + ok.status());
              }
            }
            r = c.exchange(get("/user/validate", auth), false);
          } catch (IOException e) {
            if (c != null) {
              c.close();
            }
            c = null;
          }
        }
        String shown = Http.clip(auth.replace(master, "<token>").replace(upper, "<TOKEN>"));
        if (r == null) {
          problems.add(shown + " -> no reply");
          continue;
        }
        if (r.status() != 401) {
          problems.add(shown + " -> " + r.status());
        }
        String conn = r.header("connection");
        if (conn != null && conn.contains("close")) {
          c.close();
          c = null;
        }
      }
    } finally {
      if (c != null) {
        c.close();
      }
    }
    for (String auth : List.of("BEARER " + upper, "Bearer " + upper)) {
      tried++;
      Http.Response r = api.raw(Http.request("GET", "/user/validate", Http.headers("Authorization", auth), null, true),
          false);
      if (r.status() != 401) {
        problems.add("new connection " + auth.substring(0, 6) + " <TOKEN> -> " + r.status());
      }
    }
    table.add("Bearer case tricks", tried + " altered Authorization headers (kept-alive and new connections)",
        problems.isEmpty(), problems.isEmpty() ? "all 401" : String.join("; ", problems));
  }

  private void headWithoutToken() {
    List<String> problems = new ArrayList<>();
    for (String path : PROTECTED_GETS) {
      Http.Response r = api.call("HEAD", path, null, null);
      if (r.status() != 401 || r.trailing() > 0) {
        problems.add(path + " -> " + r.status() + (r.trailing() > 0 ? " with " + r.trailing() + " B body" : ""));
      }
    }
    table.add("HEAD without token", PROTECTED_GETS.size() + " protected routes", problems.isEmpty(),
        problems.isEmpty() ? "all 401, no body" : String.join("; ", problems));
  }

  private void nonAdmin() {
    api.addUser(master, "rel-plain", "plain-password-1", false);
    String user = api.login("rel-plain", "plain-password-1", null);
    List<String> problems = new ArrayList<>();
    if (user == null) {
      problems.add("login failed");
    } else {
      for (String path : ADMIN_GETS) {
        Http.Response r = api.get(path, user);
        if (r.status() != 403) {
          problems.add(path + " -> " + Api.brief(r));
        }
      }
      Http.Response add = api.addUser(user, "rel-sneaky", "sneaky-password", true);
      if (add.status() != 403) {
        problems.add("/user/add -> " + Api.brief(add));
      }
    }
    table.add("non-admin on admin routes", ADMIN_GETS.size() + 1 + " admin calls with a user token",
        problems.isEmpty(), problems.isEmpty() ? "all 403" : String.join("; ", problems));
  }

  private static byte[] get(String path, String auth) {
    return Http.request("GET", path, Http.headers("Authorization", auth), null, false);
  }
}
