package io.inertia.daemon.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On the real engine: the first deploy of a project removes the containers the original Inertia left for it
 * (named {@code <project>}, or of compose project {@code <project>}, unlabelled) and nothing else; once the
 * project has a labelled container here, nothing is removed.
 */
class OriginalContainersIT {
  private static final Map<String, String> TEST_LABEL = Map.of("io.inertia.test", "true");

  private DockerClient docker;
  private final List<String> created = new ArrayList<>();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private String project;

  @BeforeEach
  void setUp() {
    docker = DockerClients.create();
    project = "Parity-Orig-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void tearDown() {
    for (String id : created) {
      try {
        docker.removeContainerCmd(id).withForce(true).exec();
      } catch (NotFoundException gone) {
        // removed by the test
      }
    }
  }

  private String container(String name, Map<String, String> labels) {
    Map<String, String> all = new HashMap<>(TEST_LABEL);
    all.putAll(labels);
    // docker create --name <name> --label … debian:bookworm sleep infinity
    String id = docker.createContainerCmd("debian:bookworm").withName(name).withLabels(all)
        .withCmd("sleep", "infinity").exec().getId();
    created.add(id);
    return id;
  }

  private boolean exists(String id) {
    try {
      docker.inspectContainerCmd(id).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  @Test
  void firstDeployReplacesTheOriginalsContainersOnly() {
    String dockerfileApp = container(project, Map.of());
    String composeV1 = container(project.toLowerCase() + "_web_1",
        Map.of("com.docker.compose.project", OriginalContainers.v1Name(project)));
    String unrelatedName = container(project + "-other", Map.of());
    String otherCompose = container(project + "-x_web_1", Map.of("com.docker.compose.project", "someoneelse"));
    // The compose runner of the deploy under way is labelled with the project, as a runner: still a first deploy.
    container(project + "-runner", Map.of(Labels.PROJECT, project, Labels.ROLE, Labels.ROLE_RUNNER));

    List<String> removed = new OriginalContainers(docker)
        .replace(project, ComposeBuilder.composeProject(project), log::add);

    assertEquals(Set.of(project, project.toLowerCase() + "_web_1"), Set.copyOf(removed));
    assertTrue(!exists(dockerfileApp) && !exists(composeV1));
    assertTrue(exists(unrelatedName) && exists(otherCompose), "nothing else is touched");
    assertEquals(2, log.size(), log.toString());
    assertTrue(log.get(0).contains("left running by the original Inertia daemon"), log.toString());
  }

  @Test
  void aProjectDeployedHereBeforeKeepsEverything() {
    container(project + "-ours", Map.of(Labels.PROJECT, project, Labels.ROLE, Labels.ROLE_APP));
    String named = container(project, Map.of());
    assertEquals(List.of(), new OriginalContainers(docker).replace(project, ComposeBuilder.composeProject(project), log::add));
    assertTrue(exists(named));
    assertEquals(List.of(), log);
  }
}
