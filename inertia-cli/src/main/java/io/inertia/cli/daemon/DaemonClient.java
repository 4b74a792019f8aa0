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
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/**
 * The daemon API over HTTPS (reference §4) for one remote: {@code https://<ip>:<port>}, every request
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
  private final HttpClient http;

  public DaemonClient(RemoteConfig remote, Console console) {
    this.remoteName = remote.name();
    DaemonConfig daemon = remote.daemon() == null ? DaemonConfig.empty() : remote.daemon();
    String port = daemon.port().isEmpty() ? DaemonConfig.DEFAULT_PORT : daemon.port();
    String host = remote.ip().contains(":") && !remote.ip().startsWith("[") ? "[" + remote.ip() + "]" : remote.ip();
    this.base = URI.create("https://" + host + ":" + port);
    this.token = daemon.token();
    this.console = console;
    this.http =
        HttpClient.newBuilder()
            .sslContext(trust(remote, daemon))
            .connectTimeout(CONNECT_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
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
        "perhaps you should pin the daemon's certificate with 'inertia remote set " + remote.name()
            + " daemon.cert-fingerprint <SHA-256 fingerprint>' (re-running 'inertia " + remote.name()
            + " init' pins it), or set daemon.verify-ssl to true if the daemon has a CA-signed certificate",
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
    CompletableFuture<Void> done = new CompletableFuture<>();
    WebSocket.Listener listener =
        new WebSocket.Listener() {
          private final StringBuilder partial = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              String frame = partial.toString();
              partial.setLength(0);
              lines.accept(frame.endsWith("\n") ? frame.substring(0, frame.length() - 1) : frame);
            }
            ws.request(1);
            return null;
          }

          @Override
          public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            console.debug("websocket closed: " + statusCode + " " + reason);
            done.complete(null);
            return null;
          }

          @Override
          public void onError(WebSocket ws, Throwable error) {
            done.completeExceptionally(error);
          }
        };
    WebSocket socket;
    try {
      socket =
          http.newWebSocketBuilder()
              .header("Authorization", "Bearer " + token)
              .connectTimeout(CONNECT_TIMEOUT)
              .buildAsync(uri, listener)
              .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DaemonException("interrupted while connecting to the daemon", 0, null, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof java.net.http.WebSocketHandshakeException h) {
        int code = h.getResponse().statusCode();
        throw new DaemonException("[error " + code + "] could not open log stream", code,
            code == 401 ? "perhaps you should run 'inertia " + remoteName + " user login'" : null, h);
      }
      throw transport(cause);
    }
    return new LogStream(socket, done);
  }

  /** A running log stream. */
  public static final class LogStream implements AutoCloseable {
    private final WebSocket socket;
    private final CompletableFuture<Void> done;

    LogStream(WebSocket socket, CompletableFuture<Void> done) {
      this.socket = socket;
      this.done = done;
    }

    /** Blocks until the daemon closes the stream or {@link #close()} is called. */
    public void await() throws InterruptedException {
      try {
        done.get();
      } catch (ExecutionException e) {
        throw new DaemonException("log stream failed: " + e.getCause().getMessage(), 0, null, e.getCause());
      }
    }

    @Override
    public void close() {
      if (!socket.isOutputClosed()) {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, java.util.concurrent.TimeUnit.SECONDS);
      }
      socket.abort();
      done.complete(null);
    }
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

  private HttpRequest request(String method, String path, Object body, Duration timeout) {
    String json;
    try {
      json = body == null ? "" : JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode request", e);
    }
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
    HttpResponse<String> res = send(request(method, path, body, REQUEST_TIMEOUT), HttpResponse.BodyHandlers.ofString());
    console.debug("response " + res.statusCode() + ": " + redact(res.body()));
    Envelope e = envelope(res.statusCode(), res.body());
    if (!e.isSuccess()) {
      throw rendered(e);
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
        Envelope e = envelope(res.statusCode(), String.join("\n", (Iterable<String>) lines::iterator));
        if (!e.isSuccess()) {
          throw rendered(e);
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
      throw transport(e.getCause());
    }
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DaemonException("interrupted while waiting for the daemon", 0, null, e);
    } catch (IOException e) {
      throw transport(e);
    }
  }

  private DaemonException transport(Throwable e) {
    if (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateMismatchException m) {
        return new DaemonException(
            "the daemon on remote '" + remoteName + "' presented a different certificate: expected "
                + "fingerprint " + m.expected() + ", got " + m.actual(),
            0,
            "if the daemon was re-installed or its certificate renewed, perhaps you should re-pin it with "
                + "'inertia remote set " + remoteName + " daemon.cert-fingerprint " + m.actual()
                + "' (only after checking it on the server) or re-run 'inertia " + remoteName + " init'",
            e);
      }
    }
    console.debug("transport error: " + e);
    String text = String.valueOf(e.getMessage());
    if (e instanceof ConnectException
        || e instanceof EOFException
        || e instanceof ClosedChannelException
        || e instanceof HttpTimeoutException
        || e instanceof java.nio.channels.UnresolvedAddressException
        || e instanceof java.net.UnknownHostException
        || text.contains("EOF")
        || text.contains("refused")
        || (e.getCause() instanceof ConnectException)) {
      return new DaemonException(
          "daemon on remote appears offline or inaccessible", 0,
          "perhaps you should check that " + base + " is reachable, or run 'inertia " + remoteName
              + " init' if the daemon is not installed",
          e);
    }
    if (e instanceof SSLHandshakeException) {
      return new DaemonException(
          "TLS handshake with " + base + " failed: " + e.getMessage(), 0,
          "if the daemon uses its own self-signed certificate, perhaps you should pin it with 'inertia remote set "
              + remoteName + " daemon.cert-fingerprint <SHA-256 fingerprint>' (the daemon logs it at start)",
          e);
    }
    return new DaemonException("request to " + base + " failed: " + e, 0, null, e);
  }

  private static Envelope envelope(int status, String body) {
    if (body != null && !body.isBlank()) {
      try {
        Envelope e = JSON.readValue(body, Envelope.class);
        return e.code() == 0 ? new Envelope(status, e.requestId(), e.message(), e.error(), e.data()) : e;
      } catch (JsonProcessingException ignored) {
        // Not JSON (e.g. a Jetty error page): keep the first line as the message.
      }
    }
    String first = body == null || body.isBlank() ? "" : body.strip().lines().findFirst().orElse("");
    if (first.length() > 200) {
      first = first.substring(0, 200);
    }
    return new Envelope(status, null, first, null, null);
  }

  private DaemonException rendered(Envelope e) {
    String message = e.message() == null ? "" : e.message();
    String error = e.error() == null ? "" : e.error();
    if (message.contains("token expired") || error.contains("token expired")) {
      return new DaemonException(
          "token expired - try running 'inertia " + remoteName + " user login' to reauthenticate",
          e.code(), null, null);
    }
    // The daemon cannot know what the remote is called here: fill in its name ("inertia [remote] up").
    message = message.replace("inertia [remote]", "inertia " + remoteName);
    String text = "[error " + e.code() + "] " + message + (error.isEmpty() ? "" : ": (" + error + ")");
    String hint = e.code() == 401 ? "perhaps you should run 'inertia " + remoteName + " user login'" : null;
    return new DaemonException(text, e.code(), hint, null);
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
