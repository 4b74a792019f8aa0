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

class GitlabWebhookTest {
  @Test
  void pushHook() {
    Push p = assertInstanceOf(Push.class, receive(gitlab("Push Hook", "gitlab/push-hook.json")));
    assertEquals(Host.GITLAB, p.host());
    assertEquals(WebhookFixtures.GITLAB_IDEMPOTENCY, p.deliveryId());
    assertEquals("shop-api", p.repoName());
    assertEquals("git@gitlab.com:acme-corp/shop-api.git", p.sshUrl());
    assertEquals("https://gitlab.com/acme-corp/shop-api.git", p.httpUrl());
    assertEquals("main", p.branch());
    assertEquals("b6568db1bc1dcd7f8b4d5a946b0b91f9dacd7327", p.commit());
    assertFalse(p.tag());
    assertFalse(p.deleted());
  }

  @Test
  void tagPushHook() {
    Push p = assertInstanceOf(Push.class, receive(gitlab("Tag Push Hook", "gitlab/tag-push-hook.json")));
    assertTrue(p.tag());
    assertEquals("v1.4.0", p.branch());
    assertEquals("b6568db1bc1dcd7f8b4d5a946b0b91f9dacd7327", p.commit());
  }

  @Test
  void deliveryIdFallsBackToEventUuid() {
    WebhookRequest r = withHeader(gitlab("Push Hook", "gitlab/push-hook.json"), "Idempotency-Key", null);
    assertEquals("b0b8bd3c-1f6e-4a0a-8f7b-5a8d1c9e0f11", assertInstanceOf(Push.class, receive(r)).deliveryId());
  }

  @Test
  void wrongToken() {
    WebhookRequest r = withHeader(gitlab("Push Hook", "gitlab/push-hook.json"), "X-Gitlab-Token", "nope");
    rejected(receive(r), 400, "unable to verify payload", "invalid webhook token");
  }

  @Test
  void missingToken() {
    WebhookRequest r = withHeader(gitlab("Push Hook", "gitlab/push-hook.json"), "X-Gitlab-Token", null);
    rejected(receive(r), 400, "unable to verify payload", "invalid webhook token");
  }

  @Test
  void emptyTokenWithNoSecretIsRefused() {
    WebhookRequest r = withHeader(gitlab("Push Hook", "gitlab/push-hook.json"), "X-Gitlab-Token", "");
    assertEquals(403, assertInstanceOf(Rejected.class, Webhooks.receive(r, WebhookConfig.of(""))).status());
  }

  @Test
  void unsupportedEvent() {
    rejected(
        receive(gitlab("Merge Request Hook", "gitlab/push-hook.json")),
        400,
        "unable to parse payload",
        "unsupported Gitlab event Merge Request Hook");
  }

  @Test
  void formContentTypeIsGithubOnly() {
    WebhookRequest r =
        withHeader(gitlab("Push Hook", "gitlab/push-hook.json"), "Content-Type", "application/x-www-form-urlencoded");
    rejected(receive(r), 400, "unable to parse payload", "Gitlab Webhook Content-Type must be application/json");
  }
}
