package io.inertia.daemon;

import io.inertia.daemon.deploy.DeploymentService;
import io.inertia.daemon.deploy.EnvironmentSource;
import io.inertia.daemon.deploy.NoActiveDeploymentException;
import io.inertia.daemon.deploy.UndecryptableVariablesException;
import io.inertia.daemon.env.EnvironmentService;
import io.inertia.daemon.env.UnreadableVariablesException;
import io.inertia.daemon.http.DeployHandler;
import io.inertia.daemon.http.DeploymentStatusSource;
import io.inertia.daemon.http.LogsHandler;
import io.inertia.daemon.http.ReleasesHandler;
import io.inertia.daemon.http.RouteGroup;
import io.inertia.daemon.http.StatusSource;
import io.inertia.daemon.http.WebhookHandler;
import io.inertia.daemon.store.SqliteDeliveryStore;
import io.inertia.daemon.store.WriteBehindDeliveryStore;
import io.inertia.daemon.webhook.DeliveryLog;
import io.inertia.daemon.webhook.DeploySubmission;
import io.inertia.daemon.webhook.DeployedState;
import io.inertia.daemon.webhook.WebhookConfig;
import io.inertia.daemon.webhook.WebhookService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins the deployment engine and the webhook service to a {@link DaemonRuntime}: both use the runtime's one
 * {@link io.inertia.daemon.store.Database}. The webhook service only enqueues ({@link DeploymentService#requestDeploy}),
 * so the Git host gets its 202 before any git or Docker work. Closing it stops the deploy worker (the runtime closes
 * the database).
 */
public final class DeploymentWiring implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeploymentWiring.class);

  private final DeploymentService deployments;
  private final WriteBehindDeliveryStore deliveryStore;
  private final DeliveryLog deliveries;
  private final WebhookService webhooks;
  private final List<RouteGroup> groups;
  private final StatusSource status;

  public DeploymentWiring(DaemonRuntime runtime, DeploymentService deployments, String version, Clock clock, Map<String, String> env) {
    this.deployments = deployments;
    this.deliveryStore = new WriteBehindDeliveryStore(new SqliteDeliveryStore(runtime.database()));
    this.deliveries = new DeliveryLog(deliveryStore);
    this.webhooks =
        new WebhookService(
            WebhookConfig.fromEnvironment(runtime.webhookSecrets()::current, env),
            deliveries,
            this::deployedState,
            deploy -> {
              try {
                return deployments.requestDeploy(deploy.branch(), deploy.commit() == null ? "head" : deploy.commit())
                        .isPresent()
                    ? DeploySubmission.QUEUED
                    : DeploySubmission.OTHER_BRANCH;
              } catch (NoActiveDeploymentException e) {
                LOG.info("webhook push to {} ignored: nothing deployed", deploy.branch());
                return DeploySubmission.NO_PROJECT;
              }
            },
            clock);
    this.groups =
        List.of(
            new DeployHandler(deployments, runtime.environment(), runtime.webhookSecrets()),
            new LogsHandler(deployments),
            new ReleasesHandler(deployments),
            new WebhookHandler(webhooks, deliveries));
    this.status = new DeploymentStatusSource(deployments, version);
    // Before any request is served: the current release runs again if a crash left it stopped.
    deployments.reconcile();
  }

  /** Deploy-time variables from the env store; unreadable ones stop the deploy (412 → 500 "failed to build"). */
  public static EnvironmentSource environmentSource(EnvironmentService env) {
    return () -> {
      try {
        return env.valuesForDeploy();
      } catch (UnreadableVariablesException e) {
        throw new UndecryptableVariablesException(e.names(), e);
      }
    };
  }

  private DeployedState deployedState() {
    var s = deployments.settings();
    return s.configured() ? new DeployedState(true, s.remoteUrl(), s.branch()) : DeployedState.none();
  }

  public List<RouteGroup> routeGroups() {
    return groups;
  }

  public StatusSource statusSource() {
    return status;
  }

  public DeploymentService deployments() {
    return deployments;
  }

  public WebhookService webhooks() {
    return webhooks;
  }

  @Override
  public void close() {
    deployments.close();
    deliveryStore.close();
  }
}
