package io.inertia.daemon.webhook;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds signed GitHub push deliveries for tests and the webhook benchmark (payload shape as GitHub sends it). */
public final class GithubPushes {
  private GithubPushes() {}

  /** A minimal push payload for {@code branch} at {@code commit} of the repository reached at {@code remote}. */
  public static byte[] payload(String remote, String branch, String commit) {
    String json =
        "{\"ref\":\"refs/heads/" + branch + "\",\"after\":\"" + commit + "\",\"deleted\":false,"
            + "\"head_commit\":{\"id\":\"" + commit + "\"},"
            + "\"repository\":{\"name\":\"app\",\"full_name\":\"o/app\",\"clone_url\":\"" + remote
            + "\",\"ssh_url\":\"" + remote + "\"}}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** The headers GitHub sends, with {@code X-Hub-Signature-256} computed over {@code body}. */
  public static Map<String, String> headers(byte[] body, String secret, String deliveryId) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    h.put("User-Agent", "GitHub-Hookshot/test");
    h.put("X-GitHub-Delivery", deliveryId);
    h.put("X-GitHub-Event", "push");
    h.put("X-Hub-Signature-256", "sha256=" + hmac(body, secret));
    return h;
  }

  static String hmac(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return java.util.HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
