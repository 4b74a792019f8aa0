package io.inertia.daemon.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link DockerJavaEngine#isProjectContainer} against the real engine: only containers labelled for a project. */
class LogAccessIT {
  private final DockerClient docker = DockerClients.create();
  private final List<String> created = new ArrayList<>();
  private final String suffix = Long.toHexString(System.nanoTime());

  private String create(String name, Map<String, String> labels) {
    // docker create --name <name> --label … debian:bookworm true
    String id = docker.createContainerCmd("debian:bookworm").withName(name).withLabels(labels).withCmd("true").exec().getId();
    created.add(id);
    return id;
  }

  @AfterEach
  void remove() {
    for (String id : created) {
      docker.removeContainerCmd(id).withForce(true).exec();
    }
  }

  @Test
  void onlyContainersLabelledForAProjectCount() {
    DockerJavaEngine engine = new DockerJavaEngine(docker);
    String project = "auth-logs-app-" + suffix;
    String other = "auth-logs-other-" + suffix;
    String projectId = create(project, Map.of("io.inertia.test", "true", Labels.PROJECT, "app"));
    create(other, Map.of("io.inertia.test", "true"));

    assertTrue(engine.isProjectContainer("/" + project));
    assertTrue(engine.isProjectContainer(project));
    assertTrue(engine.isProjectContainer(projectId.substring(0, 12)));
    assertFalse(engine.isProjectContainer("/" + other));
    assertFalse(engine.isProjectContainer("/auth-logs-missing-" + suffix));
    assertEquals(List.of(), engine.logs("/" + project, 10));
  }
}
