package io.inertia.daemon.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pure parts of the Docker adapter: compose file scan, override, frame reassembly, host paths. */
class DockerAdapterUnitTest {
  @TempDir Path tmp;

  @Test
  void findsServiceNamesInBlockStyleComposeFiles() {
    String yaml =
        "version: '3'\n# comment\nservices:\n  web:\n    build: .\n    ports:\n      - \"8000:8000\"\n"
            + "  \"db\":\n    image: x\n  worker: &w\n    image: y\nvolumes:\n  data:\n";
    assertEquals(List.of("web", "db", "worker"), ComposeFiles.serviceNames(yaml));
    assertFalse(ComposeFiles.declaresNetworks(yaml));
    assertTrue(ComposeFiles.declaresNetworks(yaml + "networks:\n  back: {}\n"));
    assertEquals(List.of(), ComposeFiles.serviceNames("services: {web: {image: x}}\n"));
  }

  @Test
  void overrideLabelsEveryServiceAndTheDefaultNetwork() {
    String y = ComposeFiles.override(List.of("web"), Map.of("io.inertia.project", "app"), true);
    assertTrue(y.contains("services:\n  \"web\":\n    labels:\n      io.inertia.project: \"app\"\n"), y);
    assertTrue(y.contains("networks:\n  default:\n    labels:\n"), y);
  }

  @Test
  void framesBecomeLinesAcrossFrameBoundaries() throws Exception {
    List<String> lines = new ArrayList<>();
    byte[] shared = "partial-".getBytes(StandardCharsets.UTF_8);
    try (FrameLines f = new FrameLines(lines::add)) {
      f.onNext(new Frame(StreamType.STDOUT, shared));
      f.onNext(new Frame(StreamType.STDERR, "err line\r\n".getBytes(StandardCharsets.UTF_8)));
      shared[0] = 'X'; // Docker reuses the buffer: the copy must already be taken
      f.onNext(new Frame(StreamType.STDOUT, "rest\nlast".getBytes(StandardCharsets.UTF_8)));
      f.onComplete();
    }
    assertEquals(List.of("err line", "partial-rest", "last"), lines);
  }

  @Test
  void hostPathsTranslateTheDaemonsMount() {
    HostPaths p = new HostPaths(Path.of("/app/host"), Path.of("/home/deploy"));
    assertEquals(Path.of("/home/deploy/inertia/project"), p.toHost(Path.of("/app/host/inertia/project/")));
    assertEquals(Path.of("/srv/x"), p.toHost(Path.of("/srv/x")));
    assertEquals(Path.of("/app/host/x"), HostPaths.identity().toHost(Path.of("/app/host/x")));
  }
}
