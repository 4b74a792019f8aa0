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

class ContentTypeTest {
  @ParameterizedTest
  @ValueSource(strings = {"application/json; charset=utf-8", "application/json;charset=UTF-8", "Application/JSON"})
  void jsonWithParametersIsAccepted(String type) {
    assertInstanceOf(
        Push.class, receive(withHeader(github("push", "github/push-main.json"), "Content-Type", type)));
    assertInstanceOf(
        Push.class, receive(withHeader(gitlab("Push Hook", "gitlab/push-hook.json"), "Content-Type", type)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/xml", "multipart/form-data; boundary=x", ""})
  void otherTypesAreRefused(String type) {
    rejected(
        receive(withHeader(github("push", "github/push-main.json"), "Content-Type", type)),
        400,
        "unable to parse payload",
        "Github Webhook Content-Type must be application/json or application/x-www-form-urlencoded");
    rejected(
        receive(withHeader(WebhookFixtures.bitbucket("bitbucket/repo-push-branch.json", true), "Content-Type", type)),
        400,
        "unable to parse payload",
        "Bitbucket Webhook Content-Type must be application/json");
  }

  @Test
  void missingContentType() {
    rejected(
        receive(withHeader(github("push", "github/push-main.json"), "Content-Type", null)),
        400,
        "unable to parse payload",
        "Github Webhook Content-Type must be application/json or application/x-www-form-urlencoded");
  }
}
