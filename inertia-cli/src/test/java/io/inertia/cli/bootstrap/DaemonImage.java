package io.inertia.cli.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The daemon image an IT bootstraps with. When {@code ghcr.io/ubclaunchpad/inertiad:<v>} of the
 * daemon branch is present locally (system property {@code inertia.it.daemonVersion}, default
 * {@code v0.8.0}) that real image is used. Otherwise a stand-in is built FROM debian:bookworm and
 * tagged with a throw-away version: its {@code inertiad run} writes a fixed certificate and a
 * persistent JWT-shaped token under {@code ~/.inertia} and sleeps; {@code inertiad token} prints the
 * token. It proves the bootstrap runs the container of docs/original.md#daemon-container and the token step, not the daemon.
 */
final class DaemonImage implements AutoCloseable {
  final String version;
  final boolean standIn;
  /** PEM of the stand-in's certificate (null for the real image). */
  final String standInCertificate;

  private DaemonImage(String version, boolean standIn, String cert) {
    this.version = version;
    this.standIn = standIn;
    this.standInCertificate = cert;
  }

  String image() {
    return BootstrapSettings.IMAGE_REPOSITORY + ":" + version;
  }

  static DaemonImage obtain(Path workDir) throws Exception {
    String real = System.getProperty("inertia.it.daemonVersion", "v0.8.0");
    boolean forceStandIn = Boolean.getBoolean("inertia.it.standIn");
    if (!forceStandIn
        && VpsContainer.Docker.run(
                    List.of("docker", "image", "inspect", BootstrapSettings.IMAGE_REPOSITORY + ":" + real), 60)
                .exit()
            == 0) {
      return new DaemonImage(real, false, null);
    }
    Path ctx = Files.createDirectories(workDir.resolve("standin"));
    VpsContainer.Docker.ok(
        List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
            "-nodes", "-subj", "/CN=inertia-standin", "-days", "30",
            "-keyout", ctx.resolve("daemon.key").toString(), "-out", ctx.resolve("daemon.cert").toString()),
        60);
    Files.writeString(
        ctx.resolve("inertiad"),
        String.join(
            "\n",
            "#!/bin/sh",
            "# Stand-in for inertiad (bootstrap ITs only).",
            "set -e",
            "cmd=\"$1\"; shift",
            "dir=/app/host/.inertia",
            "b64() { base64 -w0 | tr '+/' '-_' | tr -d '='; }",
            "case \"$cmd\" in",
            "run)",
            "  mkdir -p \"$dir/ssl\"",
            "  if [ ! -s \"$dir/standin-token\" ]; then",
            "    h=$(printf '{\"alg\":\"HS256\",\"typ\":\"JWT\"}' | b64)",
            "    p=$(printf '{\"sub\":\"master\",\"n\":\"%s\"}' \"$(head -c 12 /dev/urandom | b64)\" | b64)",
            "    s=$(head -c 32 /dev/urandom | b64)",
            "    echo \"$h.$p.$s\" >\"$dir/standin-token\"",
            "  fi",
            "  [ -s \"$dir/ssl/daemon.cert\" ] || cp /opt/standin/daemon.cert \"$dir/ssl/daemon.cert\"",
            "  printf '%s\\n' \"$@\" >\"$dir/standin-args\"",
            "  exec sleep infinity ;;",
            "token) cat \"$dir/standin-token\" ;;",
            "*) echo \"unknown command $cmd\" >&2; exit 2 ;;",
            "esac",
            ""));
    Files.writeString(
        ctx.resolve("Dockerfile"),
        "FROM debian:bookworm\n"
            + "COPY inertiad /usr/local/bin/inertiad\n"
            + "COPY daemon.cert /opt/standin/daemon.cert\n"
            + "RUN chmod 755 /usr/local/bin/inertiad\n"
            + "LABEL io.inertia.test=true\n"
            + "ENTRYPOINT [\"inertiad\", \"run\"]\n");
    String version = "it-standin-" + Long.toHexString(System.nanoTime());
    DaemonImage img = new DaemonImage(version, true, Files.readString(ctx.resolve("daemon.cert")));
    VpsContainer.Docker.ok(
        List.of("env", "DOCKER_BUILDKIT=0", "docker", "build", "-q", "-t", img.image(), ctx.toString()), 300);
    return img;
  }

  @Override
  public void close() {
    if (standIn) {
      try {
        VpsContainer.Docker.run(List.of("docker", "rmi", "-f", image()), 60);
      } catch (Exception ignored) {
        // best effort
      }
    }
  }
}
