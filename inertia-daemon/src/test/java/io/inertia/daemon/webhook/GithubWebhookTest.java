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

class GithubWebhookTest {
  @Test
  void pushToMain() {
    Push p = assertInstanceOf(Push.class, receive(github("push", "github/push-main.json")));
    assertEquals(Host.GITHUB, p.host());
    assertEquals("push", p.event());
    assertEquals(WebhookFixtures.GITHUB_DELIVERY, p.deliveryId());
    assertEquals("shop-api", p.repoName());
    assertEquals("git@github.com:acme-corp/shop-api.git", p.sshUrl());
    assertEquals("https://github.com/acme-corp/shop-api.git", p.httpUrl());
    assertEquals("refs/heads/main", p.ref());
    assertEquals("main", p.branch());
    assertEquals("e4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3", p.commit());
    assertFalse(p.deleted());
    assertFalse(p.tag());
  }

  @Test
  void pushToBranchWithSlash() {
    Push p = assertInstanceOf(Push.class, receive(github("push", "github/push-other-branch.json")));
    assertEquals("feature/passkeys", p.branch());
    assertEquals("71d0c9b8a7f6e5d4c3b2a1908f7e6d5c4b3a2910", p.commit());
  }

  @Test
  void tagPush() {
    Push p = assertInstanceOf(Push.class, receive(github("push", "github/push-tag.json")));
    assertTrue(p.tag());
    assertEquals("v1.4.0", p.branch());
    assertFalse(p.deleted());
  }

  @Test
  void branchDeletion() {
    Push p = assertInstanceOf(Push.class, receive(github("push", "github/push-delete-branch.json")));
    assertTrue(p.deleted());
    assertNull(p.commit());
    assertEquals("feature/passkeys", p.branch());
  }

  @Test
  void deletionByZeroAfterAlone() throws Exception {
    WebhookResult r =
        githubEdited(
            t -> {
              t.put("deleted", false);
              t.put("after", "0000000000000000000000000000000000000000");
              t.putNull("head_commit");
            });
    assertTrue(assertInstanceOf(Push.class, r).deleted());
  }

  @Test
  void commitFallsBackToHeadCommit() throws Exception {
    Push p = assertInstanceOf(Push.class, githubEdited(t -> t.remove("after")));
    assertEquals("e4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3", p.commit());
  }

  @Test
  void ping() {
    Ping p = assertInstanceOf(Ping.class, receive(github("ping", "github/ping.json")));
    assertEquals(Host.GITHUB, p.host());
    assertEquals(WebhookFixtures.GITHUB_DELIVERY, p.deliveryId());
  }

  @Test
  void formEncodedPush() {
    Push p = assertInstanceOf(Push.class, receive(WebhookFixtures.githubForm("push", "github/push-main.json")));
    assertEquals("main", p.branch());
    assertEquals("git@github.com:acme-corp/shop-api.git", p.sshUrl());
  }

  @Test
  void formWithoutPayloadField() {
    WebhookRequest r = WebhookFixtures.githubForm("push", "github/push-main.json");
    r = resigned(r, "other=1".getBytes(StandardCharsets.US_ASCII));
    rejected(receive(r), 400, "unable to parse payload", "missing form field payload");
  }

  @Test
  void unsupportedEvent() {
    rejected(
        receive(github("issues", "github/push-main.json")),
        400,
        "unable to parse payload",
        "unsupported Github event issues");
  }
}
