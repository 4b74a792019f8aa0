package io.inertia.cli;

import io.inertia.common.api.ApiPaths;
import io.inertia.common.api.Release;
import io.inertia.common.api.RollbackRequest;
import io.inertia.common.api.StreamLines;
import io.inertia.common.api.UpRequest;
import io.inertia.daemon.http.ApiException;
import io.inertia.daemon.http.Bodies;
import io.inertia.daemon.http.Responses;
import io.inertia.daemon.http.Role;
import io.inertia.daemon.http.RouteGroup;
import io.inertia.daemon.http.Routes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The deployment endpoints ({@code /up}, {@code /down}, {@code /prune}, {@code /logs}, {@code /releases},
 * {@code /rollback}) plugged into the real daemon server as a {@link RouteGroup}, the way the deploy engine
 * plugs in its own; they answer on the wire exactly as docs/original.md#endpoints and #streaming say, without Docker. Everything
 * else (TLS, auth gate, envelopes, users, env, TOTP, status) is the daemon's own code.
 */
final class DeployRoutes implements RouteGroup {
  final List<UpRequest> ups = new CopyOnWriteArrayList<>();
  final List<RollbackRequest> rollbacks = new CopyOnWriteArrayList<>();
  volatile boolean deployFails;
  volatile boolean running = true;
  /** Answer rollbacks with one envelope instead of a stream (openapi.json allows both). */
  volatile boolean rollbackAnswersWithEnvelope;
  volatile List<Release> releases = List.of(
      new Release(2, "abcdef1234567890", "second", "main", "dockerfile", "Dockerfile", "up",
          "2026-11-27T10:00:00Z", "2026-11-27T10:01:00Z", "succeeded", null, true),
      new Release(1, "1234567890abcdef", "first", "main", "dockerfile", "Dockerfile", "webhook",
          "2026-11-26T10:00:00Z", "2026-11-26T10:01:00Z", "failed", "build failed", false));
  /** Released by the test after the CLI returned; the stream stays open until then. */
  final CountDownLatch streamMayClose = new CountDownLatch(1);
  final AtomicBoolean streamHeldOpenUntilReleased = new AtomicBoolean();

  @Override
  public void register(Routes routes) {
    routes
        .post(ApiPaths.UP, Role.ADMIN, ctx -> {
          UpRequest req = Bodies.read(ctx, UpRequest.class, null);
          ups.add(req);
          if (!req.stream()) {
            Responses.ok(ctx, 201, "Project startup initiated!");
            return;
          }
          ctx.status(200);
          ctx.contentType("text/plain");
          OutputStream out = ctx.res().getOutputStream();
          line(out, "Cloning " + req.gitOptions().remote() + " (" + req.gitOptions().branch() + ")...");
          line(out, "Building " + req.buildType() + " project " + req.project() + "...");
          line(out, deployFails
              ? StreamLines.error(500, "failed to build project: (exit status 1)")
              : StreamLines.success(201, "Project startup initiated!"));
          // Keep the connection open: a client that waits for EOF (the original's bug) would hang here.
          streamHeldOpenUntilReleased.set(streamMayClose.await(20, TimeUnit.SECONDS));
        })
        .post(ApiPaths.ROLLBACK, Role.ADMIN, ctx -> {
          RollbackRequest req = Bodies.read(ctx, RollbackRequest.class, null);
          rollbacks.add(req);
          if (rollbackAnswersWithEnvelope) {
            // A daemon may answer a rollback with one envelope instead of a stream (openapi.json: 201).
            Responses.ok(ctx, 201, "rollback initiated");
            return;
          }
          ctx.status(200);
          OutputStream out = ctx.res().getOutputStream();
          line(out, "Rolling back to release " + req.release() + "...");
          line(out, StreamLines.success(201, "Project startup initiated!"));
        })
        .post(ApiPaths.DOWN, Role.ADMIN, ctx -> {
          if (!running) {
            throw new ApiException(412, "No deployment is currently active on this remote - try running 'inertia [remote] up'", null);
          }
          running = false;
          Responses.ok(ctx, 200, "project shut down");
        })
        .post(ApiPaths.PRUNE, Role.ADMIN, ctx -> Responses.ok(ctx, 200, "docker assets have been pruned"))
        .get(ApiPaths.RELEASES, Role.USER, ctx -> Responses.ok(ctx, 200, "releases retrieved", "releases", releases))
        .get(ApiPaths.LOGS, Role.USER, ctx -> Responses.ok(ctx, 200, "logs retrieved", "logs",
            List.of("log one " + ctx.queryParam("container"), "log two")))
        .ws(ApiPaths.LOGS, Role.USER, ws -> ws.onConnect(ctx -> {
          String container = ctx.queryParam("container");
          String entries = ctx.queryParam("entries");
          new Thread(() -> {
            ctx.send("streamed " + container + " entries=" + entries + "\n");
            if ("/forever".equals(container)) {
              return; // a quiet container: the stream stays open until the client leaves
            }
            ctx.send("second line\n");
            ctx.closeSession(1000, "done");
          }).start();
        }));
  }

  private static void line(OutputStream out, String text) throws IOException {
    out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
