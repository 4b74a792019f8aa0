package io.inertia.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inertia.common.api.ApiPaths;
import io.inertia.daemon.TestClock;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /openapi.json documents every route the daemon serves and every path in {@link ApiPaths}. */
class OpenApiTest {
  @TempDir Path root;

  @Test
  void documentsEveryRegisteredRouteAndEveryApiPath() throws Exception {
    try (TestDaemon d = new TestDaemon(root, new TestClock())) {
      HttpResponse<String> r = d.get("/openapi.json", null);
      assertEquals(200, r.statusCode());
      JsonNode doc = TestDaemon.json(r);
      assertTrue(doc.get("openapi").asText().startsWith("3."));
      JsonNode paths = doc.get("paths");
      for (Routes.Route route : d.server.routes()) {
        JsonNode p = paths.get(route.path());
        assertTrue(p != null, "undocumented path " + route.path());
        if (!route.path().equals("/") && (route.method().equals("GET") || route.method().equals("POST"))) {
          JsonNode op = p.get(route.method().toLowerCase(Locale.ROOT));
          assertTrue(op != null, "undocumented " + route);
          String auth = op.get("x-inertia-auth").asText();
          String expected =
              switch (route.role()) {
                case PUBLIC -> "public";
                case ADMIN -> "admin";
                case USER, USER_OR_PUBLIC_BADGE -> "user";
              };
          if (!route.path().equals("/")) {
            assertEquals(expected, auth, route.toString());
          }
        }
      }
      for (Field f : ApiPaths.class.getFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
          String path = (String) f.get(null);
          assertTrue(paths.has(path), "ApiPaths." + f.getName() + " = " + path + " is not documented");
        }
      }
      List<String> adminPaths = List.of("/up", "/down", "/reset", "/env", "/prune", "/token", "/rollback", "/webhook/deliveries");
      for (String p : adminPaths) {
        paths.get(p).fields().forEachRemaining(e -> assertEquals("admin", e.getValue().get("x-inertia-auth").asText(), p));
      }
    }
  }
}
