package io.inertia.daemon.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inertia.daemon.webhook.WebhookResult.Rejected;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Loads fixture payloads and builds requests signed the way each host signs them. */
final class WebhookFixtures {
  /** Obviously fake; never a real secret. */
  static final String SECRET = "test-webhook-secret-not-real";

  static final String GITHUB_DELIVERY = "6f1e3a40-cb77-11f0-8d2b-3c7e0a8f1d21";
  static final String GITLAB_IDEMPOTENCY = "2a5c0f0e-7d1b-4e93-9f3a-0c6d1b2e4f70";
  static final String BITBUCKET_REQUEST = "8d2f6b1a-0c3e-4a5b-9c7d-1e2f3a4b5c6d";

  private WebhookFixtures() {}

  static final WebhookConfig CONFIG = WebhookConfig.of(SECRET);
  static final ObjectMapper MAPPER = new ObjectMapper();

  static WebhookResult receive(WebhookRequest r) {
    return Webhooks.receive(r, CONFIG);
  }

  static Rejected rejected(WebhookResult r, int status, String summary, String error) {
    Rejected rej = assertInstanceOf(Rejected.class, r);
    assertEquals(status, rej.status());
    assertEquals(summary, rej.summary());
    assertEquals(error, rej.error());
    return rej;
  }

  static WebhookRequest resigned(WebhookRequest r, byte[] body) {
    WebhookRequest out = withBody(r, body);
    out = withHeader(out, "X-Hub-Signature-256", WebhookFixtures.sha256(body, SECRET));
    return withHeader(out, "X-Hub-Signature", WebhookFixtures.sha1(body, SECRET));
  }

  /** A GitHub push-main payload with one edit, re-signed so only parsing can fail. */
  static WebhookResult githubEdited(Consumer<ObjectNode> edit) throws IOException {
    ObjectNode tree = (ObjectNode) MAPPER.readTree(load("github/push-main.json"));
    edit.accept(tree);
    return receive(resigned(github("push", "github/push-main.json"), MAPPER.writeValueAsBytes(tree)));
  }


  static byte[] load(String name) {
    try (InputStream in = WebhookFixtures.class.getResourceAsStream("/webhooks/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] body, String secret) {
    return "sha256=" + HexFormat.of().formatHex(Signatures.hmac("HmacSHA256", secret, body));
  }

  static String sha1(byte[] body, String secret) {
    return "sha1=" + HexFormat.of().formatHex(Signatures.hmac("HmacSHA1", secret, body));
  }

  /** GitHub's headers for a JSON delivery, both signatures, as GitHub-Hookshot sends them. */
  static Map<String, String> githubHeaders(String event, byte[] body) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Accept", "*/*");
    h.put("Content-Type", "application/json");
    h.put("User-Agent", "GitHub-Hookshot/8e2f1c4");
    h.put("X-GitHub-Delivery", GITHUB_DELIVERY);
    h.put("X-GitHub-Event", event);
    h.put("X-GitHub-Hook-ID", "498765432");
    h.put("X-GitHub-Hook-Installation-Target-ID", "412087345");
    h.put("X-GitHub-Hook-Installation-Target-Type", "repository");
    h.put("X-Hub-Signature", sha1(body, SECRET));
    h.put("X-Hub-Signature-256", sha256(body, SECRET));
    return h;
  }

  static WebhookRequest github(String event, String fixture) {
    byte[] body = load(fixture);
    return WebhookRequest.of(githubHeaders(event, body), body);
  }

  /** The same payload as GitHub's form content type sends it: {@code payload=<url-encoded JSON>}. */
  static WebhookRequest githubForm(String event, String fixture) {
    String json = new String(load(fixture), StandardCharsets.UTF_8);
    byte[] body = ("payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
    Map<String, String> h = githubHeaders(event, body);
    h.put("Content-Type", "application/x-www-form-urlencoded");
    return WebhookRequest.of(h, body);
  }

  static Map<String, String> gitlabHeaders(String event, String token) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    h.put("User-Agent", "GitLab/18.6.0-pre");
    h.put("Idempotency-Key", GITLAB_IDEMPOTENCY);
    h.put("X-Gitlab-Event", event);
    h.put("X-Gitlab-Event-UUID", "b0b8bd3c-1f6e-4a0a-8f7b-5a8d1c9e0f11");
    h.put("X-Gitlab-Webhook-UUID", "0e5d1c2b-3a49-4f8e-9d7c-6b5a4f3e2d1c");
    h.put("X-Gitlab-Instance", "https://gitlab.com");
    if (token != null) {
      h.put("X-Gitlab-Token", token);
    }
    return h;
  }

  static WebhookRequest gitlab(String event, String fixture) {
    return WebhookRequest.of(gitlabHeaders(event, SECRET), load(fixture));
  }

  /** Bitbucket Cloud's headers; signed with {@code X-Hub-Signature: sha256=…} when {@code signed}. */
  static Map<String, String> bitbucketHeaders(byte[] body, boolean signed) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    h.put("User-Agent", "Bitbucket-Webhooks/2.0");
    h.put("X-Event-Key", "repo:push");
    h.put("X-Request-UUID", BITBUCKET_REQUEST);
    h.put("X-Hook-UUID", "{4c3b2a19-0f8e-4d7c-8b6a-5f4e3d2c1b0a}");
    h.put("X-Attempt-Number", "1");
    h.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    if (signed) {
      h.put("X-Hub-Signature", sha256(body, SECRET));
    }
    return h;
  }

  static WebhookRequest bitbucket(String fixture, boolean signed) {
    byte[] body = load(fixture);
    return WebhookRequest.of(bitbucketHeaders(body, signed), body);
  }

  static WebhookRequest withHeader(WebhookRequest r, String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(r.headers());
    h.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    if (value != null) {
      h.put(name, value);
    }
    return new WebhookRequest(h, r.body(), null);
  }

  static WebhookRequest withBody(WebhookRequest r, byte[] body) {
    return new WebhookRequest(r.headers(), body, r.contentType());
  }
}
