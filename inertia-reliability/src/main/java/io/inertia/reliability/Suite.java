package io.inertia.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The order of the suite: the daemon and a deployable project; memory idle and after 200 requests; tokens and TOTP;
 * a first deploy; webhooks; path tricks; the attack (stalled bodies, big bodies, fuzzing, spread brute force) with
 * memory sampled; kill -9 in each deploy phase and restarts; the daemon's log for OutOfMemoryError.
 */
public final class Suite {
  static final double IDLE_GOAL = 64;
  static final double AFTER_200_GOAL = 80;
  static final double PEAK_GOAL = 160;

  private final Settings settings;
  private final Table table;
  private final Daemon daemon;
  private final Path tmp;
  private final String secret;
  private Project project;

  public Suite(Settings settings, Table table, Daemon daemon, Path tmp, String secret) {
    this.settings = settings;
    this.table = table;
    this.daemon = daemon;
    this.tmp = tmp;
    this.secret = secret;
  }

  public void run() throws Exception {
    step("start the daemon");
    daemon.start();
    long ready = System.nanoTime();
    String master = daemon.masterToken();
    Api api = new Api(daemon);
    Releases releases = new Releases(api, master);
    Deployer deployer = new Deployer(daemon, master);

    step("git server and project");
    project = Project.create(settings.prefix(), settings.prefix() + "-git", daemon.home(), tmp);
    String stampA = "first-" + System.nanoTime();
    project.commit(stampA, 1);

    step("memory idle and after 200 requests");
    long idleAt = ready + Duration.ofSeconds(15).toNanos();
    Daemon.sleep(Math.max(0, (idleAt - System.nanoTime()) / 1_000_000));
    memoryRow("memory: idle", "RssAnon 15 s after start", daemon.rssAnonMiB(), IDLE_GOAL);
    int ok = 0;
    for (int i = 0; i < 200; i++) {
      ok += api.get(i % 2 == 0 ? "/status" : "/user/list", master).status() == 200 ? 1 : 0;
    }
    Daemon.sleep(1000);
    memoryRow("memory: after 200 requests", "RssAnon after 200 HTTPS requests (" + ok + " answered 200)",
        daemon.rssAnonMiB(), AFTER_200_GOAL);

    step("tokens and TOTP");
    new TokenChecks(api, table, master, daemon.home()).run();
    api.addUser(master, "rel-reader", "reader-password-1", false);
    String reader = api.login("rel-reader", "reader-password-1", null); // before checks fail logins from here
    new TotpChecks(api, table, master).run();

    step("first deploy");
    Deployer.Run first = deployer.up(project.upBody(true, secret, "Dockerfile"));
    String answer = project.awaitApp(stampA, Duration.ofSeconds(30));
    table.add("first deploy (setup)", "POST /up of the test project", first.succeeded() && answer.equals(stampA),
        "deploy: " + Http.clip(first.last()) + "; app answers " + Http.clip(answer));
    String current = answer.equals(stampA) ? stampA : null;

    step("webhooks");
    String stampB = "webhook-" + System.nanoTime();
    String commitB = project.commit(stampB, 1);
    WebhookChecks webhooks = new WebhookChecks(api, table, daemon, project, releases, master, secret);
    webhooks.forged(commitB);
    String id = webhooks.replay(commitB, stampB);
    if (project.appAnswer().equals(stampB)) {
      current = stampB;
    }
    webhooks.replayAfterFloodAndRestart(id, commitB, 1000);

    step("path tricks");
    new PathChecks(api, table, master, project, releases, secret, reader).run();

    step("attack: stalled bodies, big bodies, fuzzing, spread brute force");
    try (MemorySampler sampler = new MemorySampler(daemon)) {
      new StallCheck(api, table, master, settings.stallConnections(), settings.stallSeconds()).run();
      new BigBodyCheck(api, table, 8).run();
      new FuzzCheck(api, table, settings.fuzzRequests(), settings.seed(), 150_000).run();
      new BruteForceCheck(api, table, daemon, master, settings.prefix()).run();
      Http.Response alive = api.get("/status", master);
      table.add("daemon answers after the attack", "GET /status", alive.status() == 200, Api.brief(alive));
      sampler.close();
      memoryRow("memory: peak under attack", "RssAnon sampled every 200 ms during the attack", sampler.peak(),
          PEAK_GOAL);
    }

    step("kill -9 in each deploy phase");
    if (current == null) {
      current = project.appAnswer();
    }
    new CrashChecks(table, daemon, project, releases, deployer, api, master, secret, current).run();

    step("daemon log");
    String logs = daemon.logs();
    long ooms = logs.lines().filter(l -> l.contains("OutOfMemoryError")).count();
    table.add("no OutOfMemoryError", "the daemon container's log over all its starts", ooms == 0,
        ooms == 0 ? "none" : ooms + " lines, e.g. " + Http.clip(logs.lines().filter(l -> l.contains("OutOfMemoryError"))
            .findFirst().orElse("")));
  }

  /** Removes the project's containers and images and the git server. */
  public void cleanUp() {
    if (project != null) {
      project.remove();
    }
  }

  private void memoryRow(String check, String tried, double mib, double goal) {
    table.add(check, tried, mib >= 0 && mib <= goal,
        mib < 0 ? "unreadable" : String.format(Locale.ROOT, "%.1f MiB (goal <= %.0f MiB)", mib, goal));
  }

  private void step(String what) {
    System.err.printf("[reliability %4ds] %s%n", settings.elapsedSeconds(), what);
  }
}
