package io.inertia.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates malformed and odd requests from a seed, half of them at {@code POST /webhook} with Git host headers and
 * broken signatures and payloads, the rest at API routes and unknown paths with every method, odd paths and headers,
 * and malformed, deep or oversized bodies. A request flagged {@code alone} breaks the connection's framing (extra or
 * doubled length headers) and is sent on a connection of its own.
 */
public final class FuzzRequests {
  /** One generated request. */
  public record Req(String method, byte[] bytes, boolean alone, String kind) {
    public boolean head() {
      return method.equals("HEAD");
    }
  }

  static final String[] METHODS = {
    "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "get", "G@T"
  };
  static final String[] ROUTES = {
    "/", "/webhook", "/webhook/deliveries", "/status", "/logs", "/up", "/down", "/reset", "/env", "/prune", "/token",
    "/releases", "/rollback", "/openapi.json", "/user/login", "/user/logout", "/user/validate", "/user/add",
    "/user/remove", "/user/reset", "/user/list", "/user/totp/enable", "/user/totp/disable", "/nope", "/x/y/z",
    "/webhook/", "/status/", "//status", "/%2e%2e/%2e%2e/etc/passwd", "/logs?container=../../info",
    "/logs?entries=-1", "/status?badge=true", "/webhook?x=%ff%fe", "*", "/%", "/%zz", "/a;b", "/user/login#frag"
  };
  static final String[] BODIES = {
    "", "{", "[", "null", "\"x\"", "{}", "[]", "{\"username\":1}", "{\"username\":\"a\",\"password\":[]}",
    "{\"project\":null}", "{\"name\":\"PATH\",\"value\":\"/x\"}", "{\"stream\":\"yes\"}", "\u0000\u0001\u0002",
    "{\"ref\":\"refs/heads/main\"}", "{\"ref\":1,\"repository\":\"x\"}", "{\"push\":{\"changes\":[{}]}}",
    "\uFFFF\uFFFE", "{\"a\":\"\\ud800\"}", "1e999999", "{\"totp\":\"000000\",\"username\":\"master\"}"
  };

  private final Random random;

  public FuzzRequests(long seed) {
    this.random = new Random(seed);
  }

  public synchronized Req next() {
    return random.nextBoolean() ? webhook() : api();
  }

  private Req webhook() {
    List<String[]> h = new ArrayList<>();
    switch (random.nextInt(4)) {
      case 0 -> {
        h.add(new String[] {"X-GitHub-Event", pick("push", "ping", "issues", "", "push\u0000")});
        h.add(new String[] {"X-GitHub-Delivery", "fuzz-" + random.nextLong()});
        if (random.nextInt(4) > 0) {
          h.add(new String[] {pick("X-Hub-Signature-256", "X-Hub-Signature"), signature()});
        }
      }
      case 1 -> {
        h.add(new String[] {"X-Gitlab-Event", pick("Push Hook", "Tag Push Hook", "System Hook", "")});
        if (random.nextBoolean()) {
          h.add(new String[] {"X-Gitlab-Token", hex(random.nextInt(40))});
        }
      }
      case 2 -> {
        h.add(new String[] {"User-Agent", "Bitbucket-Webhooks/2.0"});
        h.add(new String[] {"X-Event-Key", pick("repo:push", "pullrequest:created", "")});
        if (random.nextBoolean()) {
          h.add(new String[] {"X-Hub-Signature", signature()});
        }
      }
      default -> h.add(new String[] {"User-Agent", "curl/8"});
    }
    h.add(new String[] {"Content-Type", pick("application/json", "application/x-www-form-urlencoded", "text/plain",
        "application/json; charset=utf-16", "")});
    byte[] body = body(true);
    String method = random.nextInt(10) == 0 ? pick(METHODS) : "POST";
    return framed(method, pick("/webhook", "/webhook", "/webhook?", "/webhook/"), h, body, "webhook");
  }

  private Req api() {
    String method = pick(METHODS);
    String path = random.nextInt(40) == 0 ? "/" + "a".repeat(9000 + random.nextInt(9000)) : pick(ROUTES);
    if (random.nextInt(20) == 0) {
      path = path + "?q=" + hex(8) + "%" + pick("00", "0a", "c0%80", "ff", "");
    }
    List<String[]> h = new ArrayList<>();
    int auth = random.nextInt(8);
    if (auth == 0) {
      h.add(new String[] {"Authorization", "Bearer " + hex(random.nextInt(64))});
    } else if (auth == 1) {
      h.add(new String[] {"Authorization",
          pick("Basic YTpi", "Bearer", "Bearer  ", "BEARER x.y.z", "Bearer e30.e30.")});
    } else if (auth == 2) {
      h.add(new String[] {"Authorization", "Bearer " + "A".repeat(8000 + random.nextInt(8000))});
    }
    if (random.nextInt(6) == 0) {
      h.add(new String[] {"X-Junk-" + hex(4), pick("", "\t", "a\u0080b", "x".repeat(3000))});
    }
    if (random.nextBoolean()) {
      h.add(new String[] {"Content-Type", pick("application/json", "text/plain", "multipart/form-data; boundary=",
          "application/json;;", "*/*")});
    }
    return framed(method, path, h, body(false), "api");
  }

  private Req framed(String method, String path, List<String[]> h, byte[] body, String kind) {
    int framing = random.nextInt(40);
    if (framing == 0) {
      // two different lengths
      h.add(new String[] {"Content-Length", Integer.toString(body.length)});
      h.add(new String[] {"Content-Length", Integer.toString(body.length + 1)});
      return new Req(method, Http.request(method, path, h, body, true), true, kind + "-doubled-length");
    }
    if (framing == 1) {
      // a broken chunked body
      h.add(new String[] {"Transfer-Encoding", "chunked"});
      byte[] chunked = ("zz\r\n" + new String(body, StandardCharsets.ISO_8859_1) + "\r\n0\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1);
      return new Req(method, Http.request(method, path, h, chunked, true), true, kind + "-bad-chunk");
    }
    if (framing == 2) {
      // a header line without a colon, and HTTP/1.0
      String raw = method + " " + path + " HTTP/1.0\r\nHost: x\r\nno-colon-here\r\n\r\n";
      return new Req(method, raw.getBytes(StandardCharsets.ISO_8859_1), true, kind + "-bad-header");
    }
    if (framing == 3) {
      // random bytes, then an empty line: a complete (if meaningless) request head, so the server must answer
      byte[] garbage = new byte[1 + random.nextInt(200) + 4];
      random.nextBytes(garbage);
      System.arraycopy(new byte[] {'\r', '\n', '\r', '\n'}, 0, garbage, garbage.length - 4, 4);
      return new Req("GARBAGE", garbage, true, "garbage");
    }
    boolean head = method.equals("HEAD");
    return new Req(method, Http.request(method, path, h, body.length == 0 ? null : body, head), head, kind);
  }

  private byte[] body(boolean webhook) {
    int kind = random.nextInt(1000);
    if (kind < 3) {
      // over the API limit (1 MiB), under the webhook limit
      byte[] big = new byte[(1 << 20) + 1 + random.nextInt(1 << 19)];
      java.util.Arrays.fill(big, (byte) 'a');
      big[0] = '"';
      return big;
    }
    if (kind < 40) {
      return ("[".repeat(3000 + random.nextInt(5000))).getBytes(StandardCharsets.US_ASCII);
    }
    if (kind < 100) {
      byte[] b = new byte[random.nextInt(2000)];
      random.nextBytes(b);
      return b;
    }
    if (kind < 300) {
      return new byte[0];
    }
    String b = pick(BODIES);
    if (webhook && random.nextBoolean()) {
      b = "{\"ref\":\"refs/heads/main\",\"after\":\"" + hex(40) + "\",\"repository\":{\"name\":\"x\",\"clone_url\":\""
          + pick("https://example.com/x.git", "", "\u0000", "ssh://git@127.0.0.1/srv/app.git")
          + "\",\"ssh_url\":\"git@h:x/y\"}}";
    }
    return b.getBytes(StandardCharsets.UTF_8);
  }

  private String signature() {
    return pick("sha256=", "sha1=", "", "sha512=", "sha256") + pick(hex(64), hex(40), hex(3), "zz", "");
  }

  private String hex(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("0123456789abcdef".charAt(random.nextInt(16)));
    }
    return sb.toString();
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }
}
