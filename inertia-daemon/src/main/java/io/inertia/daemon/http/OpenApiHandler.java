package io.inertia.daemon.http;

import io.inertia.common.api.ApiPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.json}: the hand-written OpenAPI 3 description of the whole API (resource {@code openapi.json}). */
public final class OpenApiHandler implements RouteGroup {
  static final String RESOURCE = "/io/inertia/daemon/http/openapi.json";
  private final byte[] document;

  public OpenApiHandler() {
    this.document = load();
  }

  static byte[] load() {
    try (InputStream in = OpenApiHandler.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return text.replace("@VERSION@", io.inertia.common.Version.current()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void register(Routes routes) {
    routes.get(ApiPaths.OPENAPI, Role.PUBLIC, ctx -> ctx.status(200).contentType("application/json").result(document));
  }
}
