package io.inertia.reliability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Path tricks: {@code /logs} with crafted and foreign container names (a user may read only the daemon's and the
 * deployed project's containers), {@code build_file_path} leaving the project ({@code ..}, absolute, NUL) must be a
 * 400 naming the field before anything runs, and env names that would subvert the app's container are refused.
 */
public final class PathChecks {
  private final Api api;
  private final Table table;
  private final String master;
  private final Project project;
  private final Releases releases;
  private final String secret;
  private final String user;

  /** {@code user}: a non-admin's token, taken before any check fails logins from this address. */
  public PathChecks(Api api, Table table, String master, Project project, Releases releases, String secret,
      String user) {
    this.user = user;
    this.api = api;
    this.table = table;
    this.master = master;
    this.project = project;
    this.releases = releases;
    this.secret = secret;
  }

  public void run() {
    logs();
    envNames();
    buildFilePath();
  }

  private void logs() {
    if (user == null) {
      table.add("/logs container names", "crafted names", false, "cannot log in; cannot run");
      return;
    }
    Map<String, String> names = new LinkedHashMap<>();
    names.put("foreign container (the git server)", project.gitContainer);
    names.put("../../info", "../../info");
    names.put("../containers/json?all=1", "../containers/json?all=1");
    names.put("/x/../../version", "/x/../../version");
    names.put(project.name + "/../../info", project.name + "/../../info");
    names.put("NUL in name", project.name + "\u0000x");
    names.put("encoded slash", project.name + "%2F..%2F..%2Finfo");
    names.put("300 characters", "a".repeat(300));
    List<String> problems = new ArrayList<>();
    int tried = 0;
    for (Map.Entry<String, String> n : names.entrySet()) {
      for (String token : List.of(user, master)) {
        tried++;
        Http.Response r = api.get("/logs?container=" + URLEncoder.encode(n.getValue(), StandardCharsets.UTF_8), token);
        if (r.status() / 100 != 4 || !Api.envelope(r)) {
          problems.add(n.getKey() + (token.equals(user) ? " (user)" : " (admin)") + " -> " + Api.brief(r));
        }
      }
    }
    Http.Response own = api.get("/logs?container=" + project.name, user);
    boolean ownOk = own.status() == 200;
    table.add("/logs container names", tried + " crafted/foreign names as user and admin; the project's logs",
        problems.isEmpty() && ownOk,
        (tried - problems.size()) + "/" + tried + " refused with 4xx; project logs -> " + own.status()
            + (problems.isEmpty() ? "" : "; not refused: " + String.join("; ", problems)));
  }

  private void envNames() {
    List<String> problems = new ArrayList<>();
    List<String> names = List.of("PATH", "LD_PRELOAD");
    Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    for (String name : names) {
      Http.Response r = api.post("/env", master, Api.obj("name", name, "value", "/nonexistent"));
      statuses.merge(r.status(), 1, Integer::sum);
      if (r.status() != 400 || !Api.envelope(r)) {
        problems.add(name + " -> " + Api.brief(r));
      }
      // never leave a subverting variable behind for later deploys
      api.post("/env", master, Api.obj("name", name, "remove", true));
    }
    table.add("env names that subvert the app", names.size() + " names (" + String.join(", ", names) + ")",
        problems.isEmpty(),
        "statuses " + statuses + (problems.isEmpty() ? "" : "; accepted: " + String.join("; ", problems)));
  }

  private static boolean mentionsField(String text) {
    String t = text.toLowerCase(java.util.Locale.ROOT);
    return t.contains("build_file_path") || t.contains("build file path");
  }

  private void buildFilePath() {
    Map<String, String> paths = new LinkedHashMap<>();
    paths.put("..", "../Dockerfile");
    paths.put("nested ..", "sub/../../../etc/passwd");
    paths.put("absolute", "/etc/passwd");
    paths.put("NUL", "Dockerfile\u0000.txt");
    int before = releases.count();
    List<String> problems = new ArrayList<>();
    Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    for (Map.Entry<String, String> p : paths.entrySet()) {
      Http.Response r = api.slowPost("/up", master, project.upBody(false, secret, p.getValue()));
      statuses.merge(r.status(), 1, Integer::sum);
      String text = r.text();
      if (r.status() != 400 || !Api.envelope(r) || !mentionsField(text)) {
        problems.add(p.getKey() + " -> " + Api.brief(r));
      }
    }
    int after = releases.count();
    if (after != before) {
      problems.add("releases " + before + " -> " + after + " (something ran)");
    }
    table.add("build_file_path outside the project", paths.size() + " paths (.., absolute, NUL)", problems.isEmpty(),
        "statuses " + statuses + (problems.isEmpty() ? ", none ran" : "; " + String.join("; ", problems)));
  }
}
