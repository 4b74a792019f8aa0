package io.inertia.daemon.http;

import static io.inertia.daemon.http.DaemonApiTest.assertEnvelope;
import static io.inertia.daemon.http.TestDaemon.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.daemon.TestClock;
import io.inertia.daemon.settings.AtRestCipher;
import io.inertia.daemon.store.SqliteEnvStore;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /env} refuses names that would break or subvert the project's containers. */
class EnvReservedNamesTest {
  @TempDir Path root;

  @Test
  void reservedNamesAreRefusedWithA400AndLeftOutOfDeploys() {
    try (TestDaemon d = new TestDaemon(root, new TestClock())) {
      String m = d.master();
      for (String name :
          new String[] {
            "PATH", "path", "LD_PRELOAD", "LD_LIBRARY_PATH", "ld_audit", "GLIBC_TUNABLES", "HOME", "HOSTNAME",
            "BASH_ENV", "IFS", "DOCKER_HOST", "COMPOSE_PROJECT_NAME", "COMPOSE_FILE", "BUILDX_BUILDER", "INERTIA_COMMIT"
          }) {
        HttpResponse<String> r = d.post("/env", m, Map.of("name", name, "value", "/tmp/evil"));
        assertEnvelope(r, 400, "reserved variable name");
        assertTrue(json(r).get("error").asText().startsWith("'" + name + "' cannot be set: "), r.body());
      }
      assertEquals(0, json(d.get("/env", m)).at("/data/variables").size());
      // Names that merely contain a reserved word are fine.
      for (String name : new String[] {"MY_PATH", "APP_HOME", "OLD_LD_PRELOAD", "DB_HOST"}) {
        assertEnvelope(d.post("/env", m, Map.of("name", name, "value", "v")), 202, null);
      }
      // A reserved name an older version stored is left out of the deploy, and can be removed.
      new SqliteEnvStore(d.runtime.database())
          .put("LD_PRELOAD", new AtRestCipher(readKey(d)).seal("/tmp/x.so".getBytes(StandardCharsets.UTF_8)), false);
      Map<String, String> values = d.runtime.environment().valuesForDeploy();
      assertEquals(4, values.size(), values.toString());
      assertEnvelope(d.post("/env", m, Map.of("name", "LD_PRELOAD", "remove", true)), 202, null);
    }
  }

  private static byte[] readKey(TestDaemon d) {
    try {
      return java.nio.file.Files.readAllBytes(d.runtime.settings().dbKeyFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
