package io.inertia.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code GET /releases} (newest first) with the master token. */
public final class Releases {
  /** One release as listed. */
  public record Release(long id, String outcome, String error, boolean current, String commit) {}

  private final Api api;
  private final String master;

  public Releases(Api api, String master) {
    this.api = api;
    this.master = master;
  }

  public List<Release> list() {
    Http.Response r = api.get("/releases", master);
    List<Release> out = new ArrayList<>();
    if (r.status() != 200) {
      return out;
    }
    for (JsonNode n : Api.json(r).path("data").path("releases")) {
      out.add(new Release(n.path("id").asLong(), n.path("outcome").asText(""), n.path("error").asText(""),
          n.path("current").asBoolean(false), n.path("commit_hash").asText("")));
    }
    return out;
  }

  /** Number of releases, or -1 when the list cannot be read. */
  public int count() {
    Http.Response r = api.get("/releases", master);
    return r.status() == 200 ? Api.json(r).path("data").path("releases").size() : -1;
  }

  public Release byId(long id) {
    return list().stream().filter(r -> r.id() == id).findFirst().orElse(null);
  }

  public Release newest() {
    List<Release> all = list();
    return all.isEmpty() ? null : all.get(0);
  }

  public Release current() {
    return list().stream().filter(Release::current).findFirst().orElse(null);
  }

  public void awaitCount(int atLeast, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (count() < atLeast && System.nanoTime() < deadline) {
      Daemon.sleep(300);
    }
  }

  /** Waits until no release is running. */
  public void awaitIdle(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      List<Release> all = list();
      if (!all.isEmpty() && all.stream().noneMatch(r -> r.outcome().equals("running"))) {
        return;
      }
      Daemon.sleep(500);
    }
  }
}
