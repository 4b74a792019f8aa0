package io.inertia.reliability;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * kill -9 of the daemon inside each deploy phase (fetch, build, switch of releases), then a start: the interrupted
 * release must be marked failed with a reason, and the current release must run again (it answers its stamp). Then
 * a deploy after the crashes must succeed, and a project taken down on purpose must stay down over a restart.
 */
public final class CrashChecks {
  private static final Duration APP_BACK = Duration.ofSeconds(30);

  private final Table table;
  private final Daemon daemon;
  private final Project project;
  private final Releases releases;
  private final Deployer deployer;
  private final Api api;
  private final String master;
  private final String secret;
  private String currentStamp;

  public CrashChecks(Table table, Daemon daemon, Project project, Releases releases, Deployer deployer, Api api,
      String master, String secret, String currentStamp) {
    this.table = table;
    this.daemon = daemon;
    this.project = project;
    this.releases = releases;
    this.deployer = deployer;
    this.api = api;
    this.master = master;
    this.secret = secret;
    this.currentStamp = currentStamp;
  }

  public void run() throws Exception {
    phase("fetch", l -> l.startsWith("Preparing to deploy project"), 0, false);
    phase("build", l -> l.startsWith("Building dockerfile project"), 2500, false);
    // the engine finishes the stop the daemon asked for: start again once the old release has stopped
    phase("switch", l -> l.startsWith("Stopping "), 1000, true);
    afterCrashes();
    downStaysDown();
  }

  private void phase(String phase, Predicate<String> trigger, long delayMs, boolean awaitStopped) throws Exception {
    String check = "kill -9 during " + phase;
    String stamp = "crash-" + phase + "-" + System.nanoTime();
    project.commit(stamp, 6);
    long newestBefore = newestId();
    Deployer.Run run = deployer.up(project.upBody(true, secret, "Dockerfile"), trigger, delayMs);
    if (!run.triggered()) {
      table.add(check, "deploy, kill at the " + phase + " phase, start", false,
          "phase marker never seen; deploy ended with: " + Http.clip(run.last()));
      daemon.kill();
      daemon.startAgain();
      return;
    }
    if (awaitStopped) {
      for (int i = 0; i < 60 && project.running(); i++) {
        Daemon.sleep(500);
      }
    }
    long t0 = System.nanoTime();
    daemon.startAgain();
    String answer = project.awaitApp(currentStamp, APP_BACK);
    long backMs = (System.nanoTime() - t0) / 1_000_000;
    Releases.Release interrupted = null;
    for (Releases.Release r : releases.list()) {
      // the first release after the ones before this deploy (a restart may add a release that restores the current)
      if (r.id() > newestBefore && (interrupted == null || r.id() < interrupted.id())) {
        interrupted = r;
      }
    }
    boolean markedFailed =
        interrupted != null && interrupted.outcome().equals("failed") && !interrupted.error().isBlank();
    boolean runs = answer.equals(currentStamp);
    Releases.Release current = releases.current();
    table.add(check, "deploy, kill at '" + Http.clip(run.triggerLine()) + "' +" + delayMs + " ms, start",
        markedFailed && runs,
        "interrupted release " + (interrupted == null ? "not listed" : interrupted.id() + " " + interrupted.outcome()
            + (interrupted.error().isBlank() ? "" : " (" + Http.clip(interrupted.error()) + ")"))
            + "; current release " + (current == null ? "none" : current.id()) + "; app "
            + (runs ? "runs again after " + backMs / 1000 + " s" : "answers " + Http.clip(answer) + " after "
                + backMs / 1000 + " s"));
  }

  private void afterCrashes() throws Exception {
    String stamp = "after-crashes-" + System.nanoTime();
    project.commit(stamp, 1);
    Deployer.Run run = deployer.up(project.upBody(true, secret, "Dockerfile"));
    String answer = project.awaitApp(stamp, Duration.ofSeconds(30));
    boolean held = run.succeeded() && answer.equals(stamp);
    if (held) {
      currentStamp = stamp;
    }
    table.add("deploy after the crashes", "a normal deploy after three kills", held,
        "deploy: " + Http.clip(run.last()) + "; app answers " + Http.clip(answer));
  }

  private void downStaysDown() {
    Http.Response down = api.post("/down", master, null);
    daemon.restart();
    Daemon.sleep(5000);
    String answer = project.appAnswer();
    boolean held = down.status() == 200 && !answer.equals(currentStamp);
    table.add("project taken down stays down", "POST /down, restart the daemon", held,
        "down -> " + Api.brief(down) + "; after restart the app "
            + (answer.equals(currentStamp) ? "runs" : Http.clip(answer)));
  }

  private long newestId() {
    Releases.Release r = releases.newest();
    return r == null ? 0 : r.id();
  }
}
