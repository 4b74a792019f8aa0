package io.inertia.daemon.docker;

import com.github.dockerjava.api.DockerClient;
import io.inertia.daemon.deploy.BuildType;
import io.inertia.daemon.deploy.DeploymentService;
import io.inertia.daemon.deploy.EnvironmentSource;
import io.inertia.daemon.git.JGitSourceRepository;
import io.inertia.daemon.notify.SlackNotifier;
import io.inertia.daemon.store.Database;
import io.inertia.daemon.store.SqliteDeploymentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Wires a {@link DeploymentService} with its real adapters from the daemon's environment (docs/original.md#daemon-container):
 * {@code INERTIA_PROJECT_DIR}, {@code INERTIA_DATA_DIR}, {@code INERTIA_PERSIST_DIR}, {@code INERTIA_GH_KEY_PATH},
 * {@code SSH_KNOWN_HOSTS}, {@code INERTIA_COMPOSE_IMAGE}, {@code INERTIA_PUBLISH_ADDRESS}, {@code HOME}.
 */
public final class Deployments {
  private Deployments() {}

  /** The service for the daemon: JGit, docker-java (one client from {@link DockerClients}), SQLite, Slack. */
  public static DeploymentService fromEnvironment(Database db, EnvironmentSource environment, String version) {
    DockerSettings settings = DockerSettings.fromEnvironment();
    DockerClient docker = DockerClients.create();
    Path key = Path.of(env("INERTIA_GH_KEY_PATH", "/app/host/.ssh/id_rsa_inertia_deploy"));
    Path knownHosts = Path.of(env("SSH_KNOWN_HOSTS", "/app/host/.ssh/known_hosts"));
    return new DeploymentService(
        new JGitSourceRepository(settings.projectDir(), key, knownHosts, settings.dataDir().resolve("ssh")),
        Map.of(
            BuildType.DOCKER_COMPOSE, new ComposeBuilder(docker, settings),
            BuildType.DOCKERFILE, new DockerfileBuilder(docker, settings)),
        new DockerJavaEngine(docker),
        new SqliteDeploymentStore(db),
        environment,
        new SlackNotifier(),
        Clock.systemUTC(),
        version);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
