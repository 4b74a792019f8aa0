package io.inertia.reliability;

/** Samples the daemon JVM's anonymous RSS every 200 ms while running; keeps the peak. */
public final class MemorySampler implements AutoCloseable {
  private final Thread thread;
  private volatile boolean running = true;
  private volatile double peak = -1;

  public MemorySampler(Daemon daemon) {
    this.thread = new Thread(() -> {
      String pid = null;
      while (running) {
        if (pid == null) {
          try {
            pid = daemon.pid();
          } catch (RuntimeException e) {
            pid = null;
          }
        }
        double mib = pid == null ? -1 : Daemon.rssAnonMiB(pid);
        if (mib < 0) {
          pid = null; // restarted or stopped: look the pid up again
        } else if (mib > peak) {
          peak = mib;
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "rss-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  public double peak() {
    return peak;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(2000);
  }
}
