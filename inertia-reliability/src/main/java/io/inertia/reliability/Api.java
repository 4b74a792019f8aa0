package io.inertia.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Calls the daemon API as a client would: one request per new TLS connection, JSON in and out. A call that gets no
 * reply (refused, reset, timed out) answers status -1 with the reason as its body, so checks can count it.
 */
public final class Api {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final int TIMEOUT_MS = 15_000;

  private final Daemon daemon;

  public Api(Daemon daemon) {
    this.daemon = daemon;
  }

  public Http.Target target() {
    return daemon.target();
  }

  public Http.Response get(String path, String token) {
    return call("GET", path, token, null);
  }

  public Http.Response post(String path, String token, Object body) {
    return call("POST", path, token, body);
  }

  /** {@code body}: null, a String (sent as it is) or anything Jackson writes. */
  public Http.Response call(String method, String path, String token, Object body) {
    return call(method, path, token, body, TIMEOUT_MS);
  }

  /** A call that may wait behind a running deploy (e.g. {@code POST /up} without streaming). */
  public Http.Response slowPost(String path, String token, Object body) {
    return call("POST", path, token, body, 60_000);
  }

  private Http.Response call(String method, String path, String token, Object body, int timeoutMs) {
    List<String[]> headers = new ArrayList<>();
    if (token != null) {
      headers.add(new String[] {"Authorization", "Bearer " + token});
    }
    byte[] bytes = null;
    if (body != null) {
      headers.add(new String[] {"Content-Type", "application/json"});
      bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : write(body);
    }
    return raw(Http.request(method, path, headers, bytes, true), method.equals("HEAD"), timeoutMs);
  }

  /** Sends prepared bytes on a new connection. */
  public Http.Response raw(byte[] request, boolean head) {
    return raw(request, head, TIMEOUT_MS);
  }

  private Http.Response raw(byte[] request, boolean head, int timeoutMs) {
    try (Http.Conn c = Http.Conn.open(daemon.target(), timeoutMs)) {
      return c.exchange(request, head);
    } catch (IOException | RuntimeException e) {
      return failed(e);
    }
  }

  static Http.Response failed(Exception e) {
    return new Http.Response(-1, Map.of(), String.valueOf(e).getBytes(StandardCharsets.UTF_8), 0);
  }

  /** The reply as JSON, or an empty object when it is not JSON. */
  public static JsonNode json(Http.Response r) {
    try {
      JsonNode n = JSON.readTree(r.body());
      return n == null ? JSON.createObjectNode() : n;
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  /** True when the reply is an error envelope: JSON content type and {@code code} equal to the HTTP status. */
  public static boolean envelope(Http.Response r) {
    if (!r.jsonType()) {
      return false;
    }
    JsonNode n = json(r);
    return n.isObject() && n.path("code").asInt(-2) == r.status();
  }

  /** A JSON object from name/value pairs. */
  public static ObjectNode obj(Object... nameValue) {
    ObjectNode o = JSON.createObjectNode();
    for (int i = 0; i + 1 < nameValue.length; i += 2) {
      o.set((String) nameValue[i], JSON.valueToTree(nameValue[i + 1]));
    }
    return o;
  }

  static byte[] write(Object body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** status plus a short reason, for table figures. */
  public static String brief(Http.Response r) {
    if (r.status() < 0) {
      return "no reply (" + Http.clip(r.text()) + ")";
    }
    JsonNode n = json(r);
    String msg = n.path("error").asText(n.path("message").asText(""));
    return r.status() + (msg.isEmpty() ? "" : " " + Http.clip(msg));
  }

  /** Logs in; returns the token or null. */
  public String login(String user, String password, String totp) {
    ObjectNode body = obj("username", user, "password", password);
    if (totp != null) {
      body.put("totp", totp);
    }
    Http.Response r = post("/user/login", null, body);
    return r.status() == 200 ? json(r).path("data").path("token").asText(null) : null;
  }

  public Http.Response addUser(String master, String user, String password, boolean admin) {
    return post("/user/add", master, obj("username", user, "password", password, "admin", admin));
  }
}
