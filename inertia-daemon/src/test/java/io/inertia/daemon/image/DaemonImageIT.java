package io.inertia.daemon.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.inertia.common.Version;
import io.inertia.daemon.tls.DaemonCertificates;
import io.inertia.daemon.tls.TlsMaterial;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * The daemon image as the bootstrap runs it (docs/original.md#daemon-container): home mounted at /app/host, the Docker socket mounted,
 * port 4303 published. Needs the image built by scripts/build-daemon-image.sh (override with -Dinertia.daemon.image);
 * without it the test is skipped, except under {@code CI=true}, where it fails.
 */
class DaemonImageIT {
  private static final String IMAGE =
      System.getProperty("inertia.daemon.image", "ghcr.io/ubclaunchpad/inertiad:" + Version.current());

  @Test
  void daemonInImageServesHttpsAndAcceptsTheTokenFromInertiadToken() throws Exception {
    if (run(List.of("docker", "image", "inspect", IMAGE), Duration.ofSeconds(30)).code != 0) {
      String why = "image " + IMAGE + " is missing: build it with scripts/build-daemon-image.sh";
      if ("true".equals(System.getenv("CI"))) {
        fail(why);
      }
      org.junit.jupiter.api.Assumptions.abort(why + " (skipped outside CI)");
    }
    Path home = Files.createTempDirectory("inertia-image-it");
    String name = "inertia-daemon-it-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      Result started =
          run(
              List.of(
                  "docker", "run", "-d", "--name", name, "--label", "io.inertia.test=true",
                  "-v", "/var/run/docker.sock:/var/run/docker.sock",
                  "-v", home + ":/app/host", "-e", "HOME=" + home,
                  "-p", "127.0.0.1::4303", IMAGE, "127.0.0.1"),
              Duration.ofSeconds(60));
      assertEquals(0, started.code, started.output);
      Result port = run(List.of("docker", "port", name, "4303/tcp"), Duration.ofSeconds(10));
      assertEquals(0, port.code, port.output);
      String hostPort = port.output.lines().findFirst().orElseThrow().trim();

      Path ssl = home.resolve(".inertia/ssl");
      Instant deadline = Instant.now().plusSeconds(60);
      HttpClient client = null;
      HttpResponse<String> health = null;
      while (Instant.now().isBefore(deadline)) {
        if (client == null && Files.exists(DaemonCertificates.keyFile(ssl))) {
          client = pinned(DaemonCertificates.load(DaemonCertificates.certFile(ssl), DaemonCertificates.keyFile(ssl)));
        }
        if (client != null) {
          try {
            health = client.send(get(hostPort, "/", null), HttpResponse.BodyHandlers.ofString());
            break;
          } catch (IOException notYet) {
            // Not listening yet.
          }
        }
        Thread.sleep(200);
      }
      assertTrue(health != null, "daemon did not answer in 60 s: " + run(List.of("docker", "logs", name), Duration.ofSeconds(10)).output);
      assertEquals(200, health.statusCode());
      assertEquals("", health.body());

      Result token =
          run(
              List.of(
                  "docker", "run", "--rm", "--label", "io.inertia.test=true", "--entrypoint", "inertiad",
                  "-v", home + ":/app/host", "-e", "HOME=" + home, IMAGE, "token"),
              Duration.ofSeconds(60));
      assertEquals(0, token.code, token.output);
      String jwt = token.output.strip().lines().reduce((a, b) -> b).orElseThrow();
      HttpResponse<String> status = client.send(get(hostPort, "/status", jwt), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, status.statusCode(), status.body());
      assertTrue(status.body().contains("\"message\":\"status retrieved\""), status.body());
      HttpResponse<String> denied = client.send(get(hostPort, "/status", null), HttpResponse.BodyHandlers.ofString());
      assertEquals(401, denied.statusCode());
    } finally {
      run(List.of("docker", "rm", "-f", "-v", name), Duration.ofSeconds(30));
      // Files written by the container belong to root; this test runs as root here.
      try (Stream<Path> s = Files.walk(home)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static HttpRequest get(String hostPort, String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://" + hostPort + path)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b.GET().build();
  }

  private static HttpClient pinned(TlsMaterial tls) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("daemon", tls.chain()[0]);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(5)).build();
  }

  private record Result(int code, String output) {}

  private static Result run(List<String> command, Duration timeout) throws Exception {
    Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      return new Result(-1, "timed out: " + command);
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
