package io.inertia.daemon.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only place that builds a docker-java client: zerodep transport, socket from {@code DOCKER_HOST} or {@code
 * unix:///var/run/docker.sock}, API version left unset so requests are unversioned and the engine answers with its
 * own API (a pinned version breaks either old or new engines, docs/libraries.md#docker-java-api-version).
 */
public final class DockerClients {
  private static final Logger LOG = LoggerFactory.getLogger(DockerClients.class);

  private DockerClients() {}

  /** Builds a client and logs the engine version ({@code docker version}). */
  public static DockerClient create() {
    DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    ZerodepDockerHttpClient http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .connectionTimeout(Duration.ofSeconds(10))
            .maxConnections(32)
            .build();
    DockerClient client = DockerClientImpl.getInstance(config, http);
    try {
      // docker version
      Version v = client.versionCmd().exec();
      LOG.info("Docker engine {} (API {}) at {}", v.getVersion(), v.getApiVersion(), config.getDockerHost());
    } catch (RuntimeException e) {
      LOG.warn("Docker engine at {} not reachable: {}", config.getDockerHost(), e.getMessage());
    }
    return client;
  }
}
