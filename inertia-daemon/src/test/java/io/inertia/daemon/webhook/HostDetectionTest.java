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

class HostDetectionTest {
  @Test
  void unknownHost() {
    WebhookRequest r = WebhookRequest.of(Map.of("User-Agent", "curl/8.5.0", "Content-Type", "application/json"), new byte[0]);
    rejected(receive(r), 400, "unable to verify payload", "unsupported type");
  }

  @Test
  void githubWinsOverGitlabHeaders() {
    WebhookRequest r = withHeader(github("push", "github/push-main.json"), "X-Gitlab-Event", "Push Hook");
    assertEquals(Host.GITHUB, Webhooks.detectHost(r));
    assertInstanceOf(Push.class, receive(r));
  }

  @Test
  void headerNamesAreCaseInsensitive() {
    WebhookRequest g = github("push", "github/push-main.json");
    Map<String, String> lower = new java.util.HashMap<>();
    g.headers().forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
    assertInstanceOf(Push.class, receive(WebhookRequest.of(lower, g.body())));
  }

  @Test
  void bitbucketByUserAgent() {
    assertEquals(Host.BITBUCKET, Webhooks.detectHost(WebhookFixtures.bitbucket("bitbucket/repo-push-branch.json", true)));
  }
}
