package io.inertia.daemon.webhook;

import static io.inertia.daemon.webhook.WebhookFixtures.MAPPER;
import static io.inertia.daemon.webhook.WebhookFixtures.githubEdited;
import static io.inertia.daemon.webhook.WebhookFixtures.receive;
import static io.inertia.daemon.webhook.WebhookFixtures.rejected;
import static io.inertia.daemon.webhook.WebhookFixtures.resigned;
import static io.inertia.daemon.webhook.WebhookFixtures.SECRET;
import static io.inertia.daemon.webhook.WebhookFixtures.github;
import static io.inertia.daemon.webhook.WebhookFixtures.gitlab;
import static io.inertia.daemon.webhook.WebhookFixtures.load;
import static io.inertia.daemon.webhook.WebhookFixtures.withBody;
import static io.inertia.daemon.webhook.WebhookFixtures.withHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inertia.daemon.webhook.WebhookResult.Ping;
import io.inertia.daemon.webhook.WebhookResult.Push;
import io.inertia.daemon.webhook.WebhookResult.Rejected;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BitbucketWebhookTest {
  @Test
  void branchPushSigned() {
    Push p = assertInstanceOf(Push.class, receive(WebhookFixtures.bitbucket("bitbucket/repo-push-branch.json", true)));
    assertEquals(Host.BITBUCKET, p.host());
    assertEquals("repo:push", p.event());
    assertEquals(WebhookFixtures.BITBUCKET_REQUEST, p.deliveryId());
    assertEquals("shop-api", p.repoName());
    assertEquals("git@bitbucket.org:acme-corp/shop-api.git", p.sshUrl());
    assertEquals("https://acme-corp@bitbucket.org/acme-corp/shop-api.git", p.httpUrl());
    assertEquals("refs/heads/main", p.ref());
    assertEquals("main", p.branch());
    assertEquals("c0ffee1234567890abcdef1234567890abcdef12", p.commit());
    assertFalse(p.tag());
    assertFalse(p.deleted());
  }

  @Test
  void tagPush() {
    Push p = assertInstanceOf(Push.class, receive(WebhookFixtures.bitbucket("bitbucket/repo-push-tag.json", true)));
    assertTrue(p.tag());
    assertEquals("refs/tags/v1.4.0", p.ref());
    assertEquals("v1.4.0", p.branch());
  }

  @Test
  void branchDeletion() throws Exception {
    ObjectNode tree = (ObjectNode) MAPPER.readTree(load("bitbucket/repo-push-branch.json"));
    ObjectNode change = (ObjectNode) tree.get("push").get("changes").get(0);
    change.putNull("new");
    change.put("closed", true);
    byte[] body = MAPPER.writeValueAsBytes(tree);
    Push p = assertInstanceOf(Push.class, receive(WebhookRequest.of(WebhookFixtures.bitbucketHeaders(body, true), body)));
    assertTrue(p.deleted());
    assertEquals("main", p.branch());
    assertNull(p.commit());
  }

  @Test
  void unsignedDeniedByDefault() {
    Rejected rej =
        assertInstanceOf(Rejected.class, receive(WebhookFixtures.bitbucket("bitbucket/repo-push-branch.json", false)));
    assertEquals(400, rej.status());
    assertTrue(rej.error().startsWith("missing signature"), rej.error());
    assertTrue(rej.error().contains(WebhookConfig.ALLOW_UNSIGNED_BITBUCKET_ENV + "=true"), rej.error());
  }

  @Test
  void unsignedAllowedWhenOperatorOptsIn() {
    WebhookConfig allow =
        WebhookConfig.fromEnvironment(() -> SECRET, Map.of(WebhookConfig.ALLOW_UNSIGNED_BITBUCKET_ENV, "true"));
    assertTrue(allow.allowUnsignedBitbucket());
    assertInstanceOf(
        Push.class, Webhooks.receive(WebhookFixtures.bitbucket("bitbucket/repo-push-branch.json", false), allow));
    // Even with no secret at all: the operator chose to trust unsigned Bitbucket deliveries.
    WebhookConfig noSecret = new WebhookConfig(() -> null, true);
    assertInstanceOf(
        Push.class, Webhooks.receive(WebhookFixtures.bitbucket("bitbucket/repo-push-branch.json", false), noSecret));
  }

  @Test
  void signedButTamperedIsRejectedEvenWhenUnsignedAllowed() {
    WebhookRequest r = WebhookFixtures.bitbucket("bitbucket/repo-push-branch.json", true);
    byte[] body = r.body();
    body[100] ^= 0x02;
    rejected(
        Webhooks.receive(withBody(r, body), new WebhookConfig(() -> SECRET, true)),
        400,
        "unable to verify payload",
        "payload signature check failed");
  }

  @Test
  void sha256InHubSignature256HeaderToo() {
    WebhookRequest r = WebhookFixtures.bitbucket("bitbucket/repo-push-branch.json", true);
    r = withHeader(r, "X-Hub-Signature-256", r.header("X-Hub-Signature"));
    r = withHeader(r, "X-Hub-Signature", null);
    assertInstanceOf(Push.class, receive(r));
  }

  @Test
  void unsupportedEvent() {
    WebhookRequest r =
        withHeader(WebhookFixtures.bitbucket("bitbucket/repo-push-branch.json", true), "X-Event-Key", "pullrequest:created");
    rejected(receive(r), 400, "unable to parse payload", "unsupported Bitbucket event pullrequest:created");
  }

  @Test
  void emptyChanges() throws Exception {
    ObjectNode tree = (ObjectNode) MAPPER.readTree(load("bitbucket/repo-push-branch.json"));
    ((ObjectNode) tree.get("push")).putArray("changes");
    byte[] body = MAPPER.writeValueAsBytes(tree);
    rejected(
        receive(WebhookRequest.of(WebhookFixtures.bitbucketHeaders(body, true), body)),
        400,
        "unable to parse payload",
        "field push.changes is empty");
  }
}
