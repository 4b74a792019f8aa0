package io.inertia.daemon.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inertia.daemon.DaemonRuntime;
import io.inertia.daemon.TestClock;
import io.inertia.daemon.settings.DaemonSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A real daemon on 127.0.0.1:0 over HTTPS plus a Java HttpClient that trusts exactly its certificate. */
public final class TestDaemon implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  public final DaemonRuntime runtime;
  public final DaemonServer server;
  public final HttpClient client;
  final TestClock clock;
  final io.inertia.daemon.DeploymentWiring wiring;

  /** One generated certificate shared by all test daemons: RSA key generation is the slowest part of a start. */
  private static Path sharedSsl;

  private static synchronized void seedCertificate(Path sslDir) {
    try {
      if (sharedSsl == null) {
        sharedSsl = java.nio.file.Files.createTempDirectory("inertia-test-ssl");
        io.inertia.daemon.tls.DaemonCertificates.ensure(sharedSsl, "127.0.0.1");
      }
      if (!java.nio.file.Files.exists(sslDir)) {
        java.nio.file.Files.createDirectories(sslDir);
        for (String f : new String[] {"daemon.cert", "daemon.key"}) {
          java.nio.file.Files.copy(sharedSsl.resolve(f), sslDir.resolve(f));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  TestDaemon(Path root, TestClock clock, StatusSource status, boolean publicBadge, List<RouteGroup> extra) {
    this(root, clock, status, publicBadge, extra, java.util.function.UnaryOperator.identity());
  }

  /** A daemon whose server options are changed by {@code tune} (for example short body timeouts). */
  TestDaemon(
      Path root,
      TestClock clock,
      StatusSource status,
      boolean publicBadge,
      List<RouteGroup> extra,
      java.util.function.UnaryOperator<ServerOptions> tune) {
    this.clock = clock;
    DaemonSettings settings = DaemonSettings.under(root).withPublicBadge(publicBadge);
    seedCertificate(settings.sslDir());
    this.runtime = new DaemonRuntime(settings, "127.0.0.1", "127.0.0.1", 0, clock);
    this.wiring = null;
    this.server = runtime.start(extra, status, tune);
    this.client = pinnedClient(runtime);
  }

  /** A raw TLS socket to the daemon (trusting exactly its certificate), handshake done. */
  javax.net.ssl.SSLSocket rawSocket() throws java.io.IOException {
    javax.net.ssl.SSLSocket s =
        (javax.net.ssl.SSLSocket) client.sslContext().getSocketFactory().createSocket("127.0.0.1", server.port());
    s.setSoTimeout(20_000);
    s.startHandshake();
    return s;
  }

  /** A daemon with the deployment endpoints, over the deployment service {@code wiring} builds from the runtime. */
  public TestDaemon(Path root, TestClock clock, java.util.function.Function<DaemonRuntime, io.inertia.daemon.DeploymentWiring> wiring) {
    this.clock = clock;
    DaemonSettings settings = DaemonSettings.under(root);
    seedCertificate(settings.sslDir());
    this.runtime = new DaemonRuntime(settings, "127.0.0.1", "127.0.0.1", 0, clock);
    this.wiring = wiring.apply(runtime);
    this.server = runtime.start(this.wiring.routeGroups(), this.wiring.statusSource());
    this.client = pinnedClient(runtime);
  }

  TestDaemon(Path root, TestClock clock) {
    this(root, clock, StatusSource.nothingDeployed(), false, List.of());
  }

  static HttpClient pinnedClient(DaemonRuntime runtime) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("daemon", runtime.tls().chain()[0]);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(5)).build();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public URI uri(String pathAndQuery) {
    return URI.create("https://127.0.0.1:" + server.port() + pathAndQuery);
  }

  HttpResponse<String> send(String method, String path, String token, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> get(String path, String token) {
    return send("GET", path, token, null);
  }

  public HttpResponse<String> post(String path, String token, Object body) {
    try {
      return send("POST", path, token, body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON (status " + r.statusCode() + "): " + r.body(), e);
    }
  }

  public String master() {
    return runtime.tokens().masterToken();
  }

  /** Adds a user through the API and logs it in; returns its token. */
  String userToken(String name, String password, boolean admin) {
    HttpResponse<String> add = post("/user/add", master(), Map.of("username", name, "password", password, "admin", admin));
    if (add.statusCode() != 201) {
      throw new AssertionError(add.body());
    }
    return login(name, password);
  }

  String login(String name, String password) {
    HttpResponse<String> r = post("/user/login", null, Map.of("username", name, "password", password));
    if (r.statusCode() != 200) {
      throw new AssertionError(r.body());
    }
    return json(r).at("/data/token").asText();
  }

  @Override
  public void close() {
    if (wiring != null) {
      wiring.close();
    }
    runtime.close();
  }
}
