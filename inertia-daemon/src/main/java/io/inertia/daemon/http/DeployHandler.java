package io.inertia.daemon.http;

import io.inertia.common.api.ApiPaths;
import io.inertia.common.api.RollbackRequest;
import io.inertia.common.api.UpRequest;
import io.inertia.daemon.deploy.BuildFiles;
import io.inertia.daemon.deploy.BuildType;
import io.inertia.daemon.deploy.DeployRequest;
import io.inertia.daemon.deploy.DeploymentService;
import io.inertia.daemon.env.EnvironmentService;
import io.inertia.daemon.settings.WebhookSecrets;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /up}, {@code /rollback}, {@code /down}, {@code /reset}, {@code /prune} (docs/original.md#endpoints, #the-up-flow); all admin.
 */
public final class DeployHandler implements RouteGroup {
  private final DeploymentService deployments;
  private final EnvironmentService environment;
  private final WebhookSecrets secrets;

  public DeployHandler(DeploymentService deployments, EnvironmentService environment, WebhookSecrets secrets) {
    this.deployments = deployments;
    this.environment = environment;
    this.secrets = secrets;
  }

  @Override
  public void register(Routes routes) {
    routes
        .post(ApiPaths.UP, Role.ADMIN, this::up)
        .post(ApiPaths.ROLLBACK, Role.ADMIN, this::rollback)
        .post(
            ApiPaths.DOWN,
            Role.ADMIN,
            ctx -> {
              deployments.down();
              Responses.ok(ctx, 200, "project shut down");
            })
        .post(
            ApiPaths.RESET,
            Role.ADMIN,
            ctx -> {
              deployments.reset();
              environment.clear();
              Responses.ok(ctx, 200, "project removed");
            })
        .post(
            ApiPaths.PRUNE,
            Role.ADMIN,
            ctx -> {
              deployments.prune();
              Responses.ok(ctx, 200, "docker assets have been pruned");
            });
  }

  private void up(Context ctx) throws Exception {
    UpRequest req = Bodies.read(ctx, UpRequest.class, null);
    DeployRequest request = validated(req);
    secrets.update(req.webhookSecret());
    DeployRuns.render(ctx, req.stream(), sink -> deployments.up(request, sink));
  }

  private void rollback(Context ctx) throws Exception {
    RollbackRequest req = Bodies.read(ctx, RollbackRequest.class, new RollbackRequest(null, false));
    DeployRuns.render(ctx, req.stream(), sink -> deployments.rollback(Optional.ofNullable(req.release()), sink));
  }

  /** The original's UpRequest checks, with a message naming the missing field. */
  static DeployRequest validated(UpRequest req) {
    if (req == null) {
      throw new ApiException(400, "invalid request body", "an up request needs a JSON body");
    }
    if (blank(req.project())) {
      throw new ApiException(400, "project name is required");
    }
    UpRequest.GitOptions git = req.gitOptions();
    if (git == null || blank(git.remote())) {
      throw new ApiException(400, "git remote is required (git_options.remote)");
    }
    if (blank(git.branch())) {
      throw new ApiException(400, "git branch is required (git_options.branch)");
    }
    if (blank(req.buildType())) {
      throw new ApiException(400, "build type is required (docker-compose or dockerfile)");
    }
    String type = req.buildType().trim().toLowerCase(Locale.ROOT);
    if (!type.equals(BuildType.DOCKER_COMPOSE.wireName()) && !type.equals(BuildType.DOCKERFILE.wireName())) {
      throw new ApiException(
          400, "unknown build type '" + req.buildType() + "'", "use docker-compose or dockerfile");
    }
    BuildFiles.problem(req.buildFilePath())
        .ifPresent(problem -> {
          throw new ApiException(400, "invalid build_file_path", problem);
        });
    return DeployRequest.up(
        req.project(), git.remote(), git.branch(), type, req.buildFilePath(), req.intermediaryContainers(),
        req.slackNotificationUrl());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
