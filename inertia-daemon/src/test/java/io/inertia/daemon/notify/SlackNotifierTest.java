package io.inertia.daemon.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.inertia.daemon.deploy.Notifier;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Slack notifier against a real local HTTP server. */
class SlackNotifierTest {
  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> types = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        ex -> {
          bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          types.add(ex.getRequestHeaders().getFirst("Content-Type"));
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    server.createContext(
        "/rejecting",
        ex -> {
          byte[] body = "invalid_payload".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(400, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  void postsTheOriginalsAttachmentPayload() {
    new SlackNotifier().send(url("/hook"), "Build \"x\" completed", Notifier.Colour.GOOD);
    new SlackNotifier().send(url("/hook"), "Build error: boom", Notifier.Colour.DANGER);
    assertEquals(
        List.of(
            "{\"attachments\":[{\"text\":\"*Build \\\"x\\\" completed*\",\"color\":\"good\"}]}",
            "{\"attachments\":[{\"text\":\"*Build error: boom*\",\"color\":\"danger\"}]}"),
        bodies);
    assertEquals("application/json", types.get(0));
  }

  @Test
  void aRejectionCarriesSlacksAnswer() {
    Notifier.NotificationException e =
        assertThrows(
            Notifier.NotificationException.class,
            () -> new SlackNotifier().send(url("/rejecting"), "x", Notifier.Colour.WARNING));
    assertTrue(e.getMessage().equals("http request rejected by Slack: invalid_payload"), e.getMessage());
  }
}
