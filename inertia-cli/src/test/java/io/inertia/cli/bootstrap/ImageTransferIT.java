package io.inertia.cli.bootstrap;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.cli.ssh.RemoteShell;
import io.inertia.cli.ssh.SshjRemoteShell;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link ImageTransfer} fails: no local image, and a remote without Docker that stops reading. */
class ImageTransferIT {

  @Test
  void failuresQuoteTheToolThatFailedAndNeverHang(@TempDir Path tmp) throws Exception {
    String image = smallestLocalImage();
    try (VpsContainer vps = VpsContainer.start(VpsContainer.IMAGE_WITHOUT_DOCKER, tmp);
        RemoteShell shell = SshjRemoteShell.connect(vps.target("root"), tmp.resolve("kh"))) {
      ImageTransfer transfer = new ImageTransfer();

      ImageTransferException missing =
          assertThrows(
              ImageTransferException.class,
              () -> transfer.send(shell, "inertia-it/no-such-image:0", ImageTransfer.Progress.NONE, Duration.ofSeconds(60)));
      assertTrue(missing.getMessage().startsWith("'docker save inertia-it/no-such-image:0' failed"), missing.getMessage());

      // The VPS has no docker: the remote command exits at once while megabytes are still coming.
      long start = System.nanoTime();
      ImageTransferException noDocker =
          assertThrows(
              ImageTransferException.class,
              () -> transfer.send(shell, image, ImageTransfer.Progress.NONE, Duration.ofSeconds(120)));
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      System.out.println(noDocker.getMessage() + " (" + seconds + " s)");
      assertTrue(noDocker.getMessage().contains("'docker load' on root@127.0.0.1"), noDocker.getMessage());
      assertTrue(noDocker.getMessage().contains("exit 127"), noDocker.getMessage());
      assertTrue(noDocker.getMessage().contains("not found"), noDocker.getMessage());
      assertTrue(seconds < 60, "no hang: " + seconds + " s");
    }
  }

  private static String smallestLocalImage() throws Exception {
    // docker image ls sorted by size is not available; the VPS image without Docker always exists.
    List<String> candidates = List.of("ghcr.io/ubclaunchpad/inertiad:v0.8.0", VpsContainer.IMAGE_WITHOUT_DOCKER);
    for (String c : candidates) {
      if (new ImageTransfer().localImageId(c).isPresent()) {
        return c;
      }
    }
    throw new IllegalStateException("no local image to send");
  }
}
