package io.inertia.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A spread brute force: wrong passwords for one user from several source addresses at once (the host, and short-lived
 * containers on the bridge network, each its own address), then the owner logs in with the right password from an
 * address that has not failed. Holds when the attacker is slowed (some 429) and the owner still gets in.
 */
public final class BruteForceCheck {
  private static final String USER = "rel-owner";
  private static final String PASSWORD = "owner-password-1";
  private static final int ATTACKERS = 3;
  private static final int TRIES = 10;

  private static final String CLIENT =
      """
      import json, ssl, sys, urllib.request, urllib.error
      url, user, password, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
      ctx = ssl._create_unverified_context()
      codes = []
      for i in range(n):
          pw = password if password != "-" else "wrong-%d" % i
          req = urllib.request.Request(url, data=json.dumps({"username": user, "password": pw}).encode(),
                                       headers={"Content-Type": "application/json"})
          try:
              codes.append(urllib.request.urlopen(req, context=ctx, timeout=10).status)
          except urllib.error.HTTPError as e:
              codes.append(e.code)
          except Exception:
              codes.append(-1)
      print(" ".join(map(str, codes)))
      """;

  private final Api api;
  private final Table table;
  private final Daemon daemon;
  private final String master;
  private final String prefix;

  public BruteForceCheck(Api api, Table table, Daemon daemon, String master, String prefix) {
    this.api = api;
    this.table = table;
    this.daemon = daemon;
    this.master = master;
    this.prefix = prefix;
  }

  public void run() throws Exception {
    api.addUser(master, USER, PASSWORD, false);
    String url = "https://" + daemon.bridgeIp() + ":4303/user/login";
    // The owner's container starts first and lives through the attack: the engine hands a freed address to the
    // next container, so an owner started after the attackers could get one of their addresses.
    String owner = prefix + "-owner";
    Proc.docker("run", "-d", "--name", owner, "--label", "io.inertia.test=true", Project.BASE_IMAGE, "sleep", "300");
    Map<Integer, Integer> attacker = new TreeMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(ATTACKERS + 1);
    List<Future<String>> runs = new ArrayList<>();
    for (int i = 0; i < ATTACKERS; i++) {
      int n = i;
      runs.add(pool.submit(() -> inContainer(prefix + "-brute-" + n, url, "-", TRIES)));
    }
    runs.add(pool.submit(() -> {
      StringBuilder codes = new StringBuilder();
      for (int i = 0; i < TRIES; i++) {
        codes.append(api.post("/user/login", null, Api.obj("username", USER, "password", "wrong-h" + i)).status())
            .append(' ');
      }
      return codes.toString();
    }));
    pool.shutdown();
    pool.awaitTermination(3, TimeUnit.MINUTES);
    for (Future<String> f : runs) {
      String out = f.isDone() ? f.get() : "";
      for (String c : out.strip().split("\\s+")) {
        if (c.matches("-?\\d+")) {
          attacker.merge(Integer.parseInt(c), 1, Integer::sum);
        }
      }
    }
    pool.shutdownNow();
    Proc.Result ownerRun = Proc.run(null, Map.of(), Duration.ofMinutes(1), List.of(
        "docker", "exec", owner, "python3", "-c", CLIENT, url, USER, PASSWORD, "1"));
    Proc.dockerQuiet("rm", "-f", owner);
    String fresh = ownerRun.ok() ? ownerRun.out().lines().reduce((a, b) -> b).orElse("").strip() : "";
    Http.Response fromHost = api.post("/user/login", null, Api.obj("username", USER, "password", PASSWORD));
    boolean slowed = attacker.getOrDefault(429, 0) > 0;
    boolean ownerIn = fresh.equals("200");
    table.add("spread brute force", (ATTACKERS + 1) * TRIES + " wrong passwords from " + (ATTACKERS + 1)
        + " addresses", slowed && ownerIn && attacker.getOrDefault(200, 0) == 0,
        "attacker statuses " + attacker + "; owner from a new address -> " + (fresh.isEmpty() ? "no reply" : fresh)
            + "; owner from an attacking address -> " + fromHost.status());
  }

  private String inContainer(String name, String url, String password, int n) {
    Proc.Result r = Proc.run(null, Map.of(), Duration.ofMinutes(2), List.of(
        "docker", "run", "--rm", "--name", name, "--label", "io.inertia.test=true", Project.BASE_IMAGE,
        "python3", "-c", CLIENT, url, USER, password, Integer.toString(n)));
    return r.ok() ? r.out().lines().reduce((a, b) -> b).orElse("") : "";
  }
}
