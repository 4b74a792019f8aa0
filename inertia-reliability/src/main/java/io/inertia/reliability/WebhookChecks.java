package io.inertia.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forged webhooks (bad, missing, truncated and wrong-key signatures on a push the deployment would otherwise deploy)
 * must be refused and deploy nothing; a replayed delivery id must deploy nothing, also after a flood of rejected
 * deliveries and a daemon restart.
 */
public final class WebhookChecks {
  private final Api api;
  private final Table table;
  private final Daemon daemon;
  private final Project project;
  private final Releases releases;
  private final String master;
  private final String secret;

  public WebhookChecks(Api api, Table table, Daemon daemon, Project project, Releases releases, String master,
      String secret) {
    this.api = api;
    this.table = table;
    this.daemon = daemon;
    this.project = project;
    this.releases = releases;
    this.master = master;
    this.secret = secret;
  }

  byte[] payload(String commit) {
    return ("{\"ref\":\"refs/heads/main\",\"after\":\"" + commit + "\",\"deleted\":false,\"repository\":{\"name\":\""
        + "app\",\"clone_url\":\"" + project.remote + "\",\"ssh_url\":\"" + project.remote + "\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  Http.Response deliver(String id, byte[] body, String signatureHeader, String signature) {
    List<String[]> h = Http.headers("Content-Type", "application/json", "X-GitHub-Event", "push",
        "X-GitHub-Delivery", id, "User-Agent", "GitHub-Hookshot/reliability");
    if (signatureHeader != null) {
      h.add(new String[] {signatureHeader, signature});
    }
    return api.raw(Http.request("POST", "/webhook", h, body, true), false);
  }

  String sign(byte[] key, byte[] body) {
    return "sha256=" + HexFormat.of().formatHex(Jwt.hmac(key, new String(body, StandardCharsets.ISO_8859_1)));
  }

  /** Forged deliveries for a pushed commit the deployment would deploy. */
  public void forged(String commit) {
    byte[] body = payload(commit);
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    String good = sign(key, body);
    Map<String, String[]> forgeries = new LinkedHashMap<>();
    forgeries.put("no signature", new String[] {null, null});
    forgeries.put("wrong key", new String[] {"X-Hub-Signature-256", sign("not-the-secret".getBytes(), body)});
    forgeries.put("signature of another body",
        new String[] {"X-Hub-Signature-256", sign(key, payload("0".repeat(39) + "1"))});
    forgeries.put("truncated", new String[] {"X-Hub-Signature-256", good.substring(0, good.length() - 2)});
    forgeries.put("empty sha256=", new String[] {"X-Hub-Signature-256", "sha256="});
    forgeries.put("sha1 of wrong key", new String[] {"X-Hub-Signature", "sha1=" + "ab".repeat(20)});
    forgeries.put("upper-case garbage", new String[] {"X-Hub-Signature-256", "SHA256=" + "Z".repeat(64)});
    int before = releases.count();
    List<String> problems = new ArrayList<>();
    Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    for (Map.Entry<String, String[]> f : forgeries.entrySet()) {
      Http.Response r = deliver("forged-" + System.nanoTime(), body, f.getValue()[0], f.getValue()[1]);
      statuses.merge(r.status(), 1, Integer::sum);
      if (r.status() / 100 != 4 || !Api.envelope(r)) {
        problems.add(f.getKey() + " -> " + Api.brief(r));
      }
    }
    Daemon.sleep(2000);
    int after = releases.count();
    if (after != before) {
      problems.add("releases " + before + " -> " + after);
    }
    table.add("forged webhooks", forgeries.size() + " badly signed pushes of a deployable commit",
        problems.isEmpty(), "statuses " + statuses + ", releases " + before + " -> " + after
            + (problems.isEmpty() ? "" : "; " + String.join("; ", problems)));
  }

  /** A signed delivery that deploys {@code stamp}; then the same delivery again. Returns the delivery id. */
  public String replay(String commit, String stamp) {
    byte[] body = payload(commit);
    String id = "reliability-" + System.nanoTime();
    int before = releases.count();
    Http.Response first = deliver(id, body, "X-Hub-Signature-256", sign(secret.getBytes(StandardCharsets.UTF_8), body));
    releases.awaitCount(before + 1, Duration.ofSeconds(20));
    releases.awaitIdle(Duration.ofMinutes(2));
    String answer = project.awaitApp(stamp, Duration.ofSeconds(30));
    int deployed = releases.count();
    Http.Response again = deliver(id, body, "X-Hub-Signature-256", sign(secret.getBytes(StandardCharsets.UTF_8), body));
    Daemon.sleep(3000);
    int after = releases.count();
    boolean held = first.status() == 202 && answer.equals(stamp) && after == deployed;
    table.add("replayed webhook", "signed push, then the same delivery id again", held,
        "first -> " + Api.brief(first) + " (app answers " + Http.clip(answer) + "); replay -> " + Api.brief(again)
            + ", releases " + deployed + " -> " + after);
    return id;
  }

  /** Floods rejected deliveries, restarts the daemon, and replays {@code id}. */
  public void replayAfterFloodAndRestart(String id, String commit, int flood) throws IOException {
    long start = System.nanoTime();
    int rejected = 0;
    byte[] junk = "{\"zen\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    Http.Conn c = null;
    for (int i = 0; i < flood; i++) {
      byte[] req = Http.request("POST", "/webhook", Http.headers("Content-Type", "application/json",
          "X-GitHub-Event", "push", "X-GitHub-Delivery", "flood-" + i + "-" + System.nanoTime()), junk, false);
      try {
        if (c == null) {
          c = Http.Conn.open(api.target(), 10_000);
        }
        if (c.exchange(req, false).status() / 100 == 4) {
          rejected++;
        }
      } catch (IOException e) {
        if (c != null) {
          c.close();
        }
        c = null;
      }
    }
    if (c != null) {
      c.close();
    }
    long floodMs = (System.nanoTime() - start) / 1_000_000;
    daemon.restart();
    int before = releases.count();
    byte[] body = payload(commit);
    Http.Response again = deliver(id, body, "X-Hub-Signature-256", sign(secret.getBytes(StandardCharsets.UTF_8), body));
    Daemon.sleep(3000);
    int after = releases.count();
    JsonNode list = Api.json(api.get("/webhook/deliveries?limit=5", master)).path("data").path("deliveries");
    String decision = "";
    for (JsonNode d : list) {
      if (d.path("delivery_id").asText().equals(id)) {
        decision = d.path("decision").asText();
        break;
      }
    }
    table.add("replayed webhook after flood + restart", flood + " rejected deliveries, restart, same id again",
        again.status() / 100 == 2 && after == before,
        rejected + " rejected in " + floodMs + " ms; replay -> " + Api.brief(again) + " recorded as '" + decision
            + "', releases " + before + " -> " + after);
  }
}
