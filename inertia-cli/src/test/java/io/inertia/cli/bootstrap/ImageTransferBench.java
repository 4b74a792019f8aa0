package io.inertia.cli.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inertia.cli.ssh.RemoteShell;
import io.inertia.cli.ssh.SshjRemoteShell;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * P5 benchmark (docs/performance.md): {@link ImageTransfer} (sshj, connect included) vs the raw pipe
 * {@code docker save IMAGE | ssh -p PORT -i KEY root@127.0.0.1 docker load}, alternating, into the
 * nested engine of a test VPS; the image is removed there before every run. Prints figures, asserts
 * no timings. Not a test: run with {@code -Dit.test=ImageTransferBench}; images from {@code
 * -Dinertia.bench.images=a,b} (default: the daemon image), rounds from {@code -Dinertia.bench.rounds}.
 */
class ImageTransferBench {

  @Test
  void sshjTransferVersusRawSshPipe(@TempDir Path tmp) throws Exception {
    String images = System.getProperty("inertia.bench.images", "ghcr.io/ubclaunchpad/inertiad:v0.8.0");
    int rounds = Integer.getInteger("inertia.bench.rounds", 3);
    try (VpsContainer vps = VpsContainer.start(VpsContainer.IMAGE_WITH_DOCKER, tmp)) {
      Path kh = tmp.resolve("known_hosts");
      try (RemoteShell warm = SshjRemoteShell.connect(vps.target("root"), kh)) {
        // TOFU once, and wait for the nested engine
        for (int i = 0; i < 60 && !warm.run("docker info >/dev/null 2>&1 && echo up", Duration.ofSeconds(10)).stdoutText().equals("up"); i++) {
          Thread.sleep(500);
        }
      }
      for (String image : images.split(",")) {
        List<Double> java = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        long bytes = 0;
        for (int round = 0; round < rounds; round++) {
          vps.exec("docker rmi -f " + image + " >/dev/null 2>&1; true");
          long t0 = System.nanoTime();
          ImageTransfer.Result r;
          try (RemoteShell shell = SshjRemoteShell.connect(vps.target("root"), kh)) {
            r = new ImageTransfer().send(shell, image, ImageTransfer.Progress.NONE, Duration.ofMinutes(10));
          }
          double js = (System.nanoTime() - t0) / 1e9;
          bytes = r.bytes();
          java.add(js);


          vps.exec("docker rmi -f " + image + " >/dev/null 2>&1; true");
          String pipe =
              "docker save " + image + " | ssh -p " + vps.sshPort + " -i " + vps.privateKey
                  + " -o UserKnownHostsFile=" + kh + " -o StrictHostKeyChecking=yes -o BatchMode=yes"
                  + " root@127.0.0.1 docker load";
          long t1 = System.nanoTime();
          VpsContainer.Docker.Outcome o = VpsContainer.Docker.run(List.of("sh", "-c", pipe), 600);
          double rs = (System.nanoTime() - t1) / 1e9;
          assertEquals(0, o.exit(), o.output());
          raw.add(rs);
          System.out.printf(
              "BENCH %s round %d: %.1f MB, sshj %.2f s (%.1f MB/s), raw ssh pipe %.2f s (%.1f MB/s)%n",
              image, round + 1, bytes / 1e6, js, bytes / 1e6 / js, rs, bytes / 1e6 / rs);
        }
        double jm = median(java);
        double rm = median(raw);
        System.out.printf(
            "BENCH %s median: sshj %.1f MB/s, raw %.1f MB/s, ratio %.2fx (P5 goal >= 0.9x)%n",
            image, bytes / 1e6 / jm, bytes / 1e6 / rm, rm / jm);
      }
    }
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
