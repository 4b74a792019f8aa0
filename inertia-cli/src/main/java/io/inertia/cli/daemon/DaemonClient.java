package io.inertia.cli.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inertia.cli.output.Console;
import io.inertia.common.api.ApiPaths;
import io.inertia.common.api.DeploymentStatus;
import io.inertia.common.api.EnvRequest;
import io.inertia.common.api.Envelope;
import io.inertia.common.api.Release;
import io.inertia.common.api.RollbackRequest;
import io.inertia.common.api.StreamLines;
import io.inertia.common.api.TotpSecret;
import io.inertia.common.api.UpRequest;
import io.inertia.common.api.UserRequest;
import io.inertia.common.config.DaemonConfig;
import io.inertia.common.config.RemoteConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * The daemon API over HTTPS (docs/original.md#daemon-api) for one remote: {@code https://<ip>:<port>}, every request
 * with {@code Authorization: Bearer <token>} and {@code Content-Type: application/json}. Trust follows
 * {@link DaemonTrust}. Failures are {@link DaemonException}s whose message is the original client's
 * rendering. Blocking; one instance per command; writes only {@code DEBUG:} lines through the console.
 */
public final class DaemonClient {
  static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

  private final String remoteName;
  private final URI base;
  private final String token;
  private final Console console;
  private final SSLContext ssl;
  private final BlockingJson json;
  private final DaemonErrors errors;
  private HttpClient http;

  public DaemonClient(RemoteConfig remote, Console console) {
    this.remoteName = remote.name();
    DaemonConfig daemon = remote.daemon() == null ? DaemonConfig.empty() : remote.daemon();
    String port = daemon.port().isEmpty() ? DaemonConfig.DEFAULT_PORT : daemon.port();
    String host = remote.ip().contains(":") && !remote.ip().startsWith("[") ? "[" + remote.ip() + "]" : remote.ip();
    this.base = URI.create("https://" + host + ":" + port);
    this.token = daemon.token();
    this.console = console;
    this.errors = new DaemonErrors(remoteName, base, console);
    this.ssl = trust(remote, daemon);
    this.json = new BlockingJson(base, token, ssl, !daemon.certFingerprint().isEmpty(), CONNECT_TIMEOUT);
  }

  /** The client for streams and the websocket, made on first use (short commands never need it). */
  private HttpClient http() {
    if (http == null) {
      http =
          HttpClient.newBuilder()
              .sslContext(ssl)
              .connectTimeout(CONNECT_TIMEOUT)
              .version(HttpClient.Version.HTTP_1_1)
              .build();
    }
    return http;
  }

  private SSLContext trust(RemoteConfig remote, DaemonConfig daemon) {
    if (!daemon.certFingerprint().isEmpty()) {
      return DaemonTrust.pinned(daemon.certFingerprint());
    }
    if (daemon.verifySsl()) {
      return DaemonTrust.system();
    }
    if (daemon.token().isEmpty()) {
      // Neither a token nor a pin: 'init' never ran for this remote (or 'remote login' was not used).
      throw new DaemonException("remote '" + remote.name() + "' has no daemon set up yet", 0,
          "perhaps you should run 'inertia " + remote.name() + " init' to install the daemon, or "
              + "'inertia remote login' for a daemon someone else set up", null);
    }
    throw new DaemonException(
        "no certificate is pinned for remote '" + remote.name()
            + "' and daemon.verify-ssl is false, so the daemon at " + base + " cannot be verified",
        0,
        "perhaps you should pin the daemon's certificate with 'inertia remote pin " + remote.name()
            + "' (it shows the fingerprint and asks; --yes for scripts), or set daemon.verify-ssl to true"
            + " if the daemon has a CA-signed certificate",
        null);
  }

  /** {@code https://ip:port}. */
  public URI address() {
    return base;
  }

  // ---- endpoints ---------------------------------------------------------------------------------

  /** {@code GET /status}: {@code data.status}. */
  public DeploymentStatus status() {
    Envelope e = call("GET", ApiPaths.STATUS, null);
    JsonNode status = e.data() == null ? null : e.data().get("status");
    return convert(status == null ? e.data() : status, DeploymentStatus.class);
  }

  /** {@code POST /up} with {@code stream:false}: the envelope's message. */
  public String up(UpRequest request) {
    return call("POST", ApiPaths.UP, request).message();
  }

  /**
   * {@code POST /up} with {@code stream:true}: passes each progress line to {@code lines} and returns
   * when the daemon sends the final {@code [success 201] …} / {@code [error N] …} line or closes the
   * stream (the original waited for Ctrl-C).
   *
   * @return the final line's outcome, or empty when the stream ended without one
   */
  public Optional<StreamLines.Outcome> upStream(UpRequest request, Consumer<String> lines) {
    return streamLines(ApiPaths.UP, request, lines);
  }

  /** {@code POST /rollback}, streamed like {@code up}. */
  public Optional<StreamLines.Outcome> rollbackStream(Long releaseId, Consumer<String> lines) {
    return streamLines(ApiPaths.ROLLBACK, new RollbackRequest(releaseId, true), lines);
  }

  /** {@code POST /rollback} without streaming: the envelope's message. */
  public String rollback(Long releaseId) {
    return call("POST", ApiPaths.ROLLBACK, new RollbackRequest(releaseId, false)).message();
  }

  public String down() {
    return call("POST", ApiPaths.DOWN, null).message();
  }

  public String prune() {
    return call("POST", ApiPaths.PRUNE, null).message();
  }

  /** {@code GET /token}: a master token. */
  public String token() {
    Envelope e = call("GET", ApiPaths.TOKEN, null);
    return text(e.data(), "token");
  }

  /** {@code GET /logs} without streaming. */
  public List<String> logs(String container, int entries) {
    Envelope e = call("GET", logsPath(container, false, entries), null);
    List<String> out = new ArrayList<>();
    JsonNode logs = e.data() == null ? null : e.data().get("logs");
    if (logs != null) {
      logs.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  /** {@code GET /env}: {@code NAME=value} strings. */
  public List<String> envList() {
    return strings(call("GET", ApiPaths.ENV, null).data(), "variables");
  }

  public String envSet(String name, String value, boolean encrypt) {
    return call("POST", ApiPaths.ENV, new EnvRequest(name, value, encrypt, false)).message();
  }

  public String envRemove(String name) {
    return call("POST", ApiPaths.ENV, new EnvRequest(name, null, false, true)).message();
  }

  public String userAdd(String user, String password, boolean admin) {
    return call("POST", ApiPaths.USER_ADD, new UserRequest(user, password, admin, null)).message();
  }

  public String userRemove(String user) {
    return call("POST", ApiPaths.USER_REMOVE, new UserRequest(user, null, false, null)).message();
  }

  public List<String> userList() {
    return strings(call("GET", ApiPaths.USER_LIST, null).data(), "users");
  }

  public String userReset() {
    return call("POST", ApiPaths.USER_RESET, null).message();
  }

  /**
   * {@code POST /user/login}: a session token.
   *
   * @throws TotpRequiredException when the daemon answers 417 (a TOTP code is needed)
   */
  public String login(String user, String password, String totp) {
    try {
      Envelope e =
          call("POST", ApiPaths.USER_LOGIN, new UserRequest(user, password, false, emptyToNull(totp)));
      return text(e.data(), "token");
    } catch (DaemonException e) {
      if (e.code() == 417) {
        throw new TotpRequiredException(e.getMessage());
      }
      throw e;
    }
  }

  public TotpSecret totpEnable(String user, String password) {
    Envelope e = call("POST", ApiPaths.TOTP_ENABLE, new UserRequest(user, password, false, null));
    return convert(e.data() == null ? null : e.data().get("totp"), TotpSecret.class);
  }

  public String totpDisable() {
    return call("POST", ApiPaths.TOTP_DISABLE, null).message();
  }

  /** {@code GET /releases}, newest first as the daemon sends them. */
  public List<Release> releases() {
    Envelope e = call("GET", ApiPaths.RELEASES, null);
    JsonNode list = e.data() == null ? null : e.data().get("releases");
    List<Release> out = new ArrayList<>();
    if (list != null) {
      list.forEach(n -> out.add(convert(n, Release.class)));
    }
    return out;
  }

  /**
   * Opens {@code wss://…/logs?container=…&stream=true[&entries=N]} and passes each text frame to
   * {@code lines}. The returned handle completes when the daemon closes the socket; {@link LogStream#close()}
   * ends it from this side (Ctrl-C).
   */
  public LogStream logsStream(String container, int entries, Consumer<String> lines) {
    URI uri = URI.create("wss://" + base.getRawAuthority() + logsPath(container, true, entries));
    console.debug("WEBSOCKET " + uri);
    return LogStream.open(http(), uri, token, CONNECT_TIMEOUT, lines, console, errors, remoteName);
  }

  // ---- plumbing ----------------------------------------------------------------------------------

  private static String logsPath(String container, boolean stream, int entries) {
    StringBuilder p =
        new StringBuilder(ApiPaths.LOGS)
            .append("?container=")
            .append(URLEncoder.encode(container, StandardCharsets.UTF_8))
            .append("&stream=")
            .append(stream);
    if (entries > 0) {
      p.append("&entries=").append(entries);
    }
    return p.toString();
  }

  private static String encode(Object body) {
    try {
      return body == null ? "" : JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode request", e);
    }
  }

  private HttpRequest request(String method, String path, Object body, Duration timeout) {
    String json = encode(body);
    console.debug(method + " " + base + path + (json.isEmpty() ? "" : " " + redact(json)));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json");
    if (timeout != null) {
      b.timeout(timeout);
    }
    return b.method(
            method,
            body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private static String redact(String json) {
    // Passwords, tokens, TOTP secrets and backup codes never reach a debug log.
    return json.replaceAll("\"(password|token|totp|secret|webhook_secret)\"\\s*:\\s*\"[^\"]*\"", "\"$1\":\"***\"")
        .replaceAll("\"backup_codes\"\\s*:\\s*\\[[^\\]]*\\]", "\"backup_codes\":[\"***\"]");
  }

  /** One JSON request; returns the envelope of a 1xx–3xx answer. */
  Envelope call(String method, String path, Object body) {
    String text = encode(body);
    console.debug(method + " " + base + path + (text.isEmpty() ? "" : " " + redact(text)));
    BlockingJson.Response res;
    try {
      res = json.send(method, path, text, REQUEST_TIMEOUT);
    } catch (IOException e) {
      throw errors.transport(e);
    }
    console.debug("response " + res.status() + ": " + redact(res.body()));
    Envelope e = DaemonErrors.envelope(res.status(), res.body());
    if (!e.isSuccess()) {
      throw errors.rendered(e);
    }
    return e;
  }

  private Optional<StreamLines.Outcome> streamLines(String path, Object body, Consumer<String> sink) {
    HttpResponse<Stream<String>> res = send(request("POST", path, body, null), HttpResponse.BodyHandlers.ofLines());
    console.debug("response " + res.statusCode() + " (streaming)");
    try (Stream<String> lines = res.body()) {
      boolean json = res.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
      if (res.statusCode() >= 400 || json) {
        // An error before streaming began, or a daemon that answers this request with one JSON envelope.
        Envelope e = DaemonErrors.envelope(res.statusCode(), String.join("\n", (Iterable<String>) lines::iterator));
        if (!e.isSuccess()) {
          throw errors.rendered(e);
        }
        return Optional.of(new StreamLines.Outcome(true, e.code(), e.message()));
      }
      Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        String line = it.next();
        Optional<StreamLines.Outcome> outcome = StreamLines.parse(line);
        if (outcome.isPresent()) {
          return outcome;
        }
        sink.accept(line);
      }
      return Optional.empty();
    } catch (UncheckedIOException e) {
      throw errors.transport(e.getCause());
    }
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http().send(request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DaemonException("interrupted while waiting for the daemon", 0, null, e);
    } catch (IOException e) {
      throw errors.transport(e);
    }
  }




  private static <T> T convert(JsonNode node, Class<T> type) {
    if (node == null || node.isNull()) {
      throw new DaemonException("the daemon's answer has no " + type.getSimpleName() + " data", 0, null, null);
    }
    try {
      return JSON.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new DaemonException("could not read the daemon's answer: " + e.getOriginalMessage(), 0, null, e);
    }
  }

  private static String text(JsonNode data, String key) {
    JsonNode n = data == null ? null : data.get(key);
    return n == null ? "" : n.asText();
  }

  private static List<String> strings(JsonNode data, String key) {
    List<String> out = new ArrayList<>();
    JsonNode n = data == null ? null : data.get(key);
    if (n != null) {
      n.forEach(x -> out.add(x.asText()));
    }
    return out;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
