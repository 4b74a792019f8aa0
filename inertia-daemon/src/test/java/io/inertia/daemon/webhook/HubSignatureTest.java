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

class HubSignatureTest {
  @Test
  void referenceVector() {
    byte[] body = "{\"yo\":true}".getBytes(StandardCharsets.UTF_8);
    assertEquals("sha1=126f2c800419c60137ce748d7672e77b65cf16d6", WebhookFixtures.sha1(body, "0123456789abcdef"));
    assertNull(Signatures.verifyHub(null, "sha1=126f2c800419c60137ce748d7672e77b65cf16d6", body, "0123456789abcdef"));
    assertNull(Signatures.verifyHub(null, "SHA1=126F2C800419C60137CE748D7672E77B65CF16D6", body, "0123456789abcdef"));
  }

  @Test
  void goodSha256Only() {
    WebhookRequest r = withHeader(github("push", "github/push-main.json"), "X-Hub-Signature", null);
    assertInstanceOf(Push.class, receive(r));
  }

  @Test
  void sha1OnlyIsAccepted() {
    WebhookRequest r = withHeader(github("push", "github/push-main.json"), "X-Hub-Signature-256", null);
    assertInstanceOf(Push.class, receive(r));
  }

  @Test
  void badSha256IsNotRescuedByGoodSha1() {
    WebhookRequest r =
        withHeader(
            github("push", "github/push-main.json"), "X-Hub-Signature-256", WebhookFixtures.sha256(new byte[1], SECRET));
    rejected(receive(r), 400, "unable to verify payload", "payload signature check failed");
  }

  @Test
  void tamperedBody() {
    WebhookRequest good = github("push", "github/push-main.json");
    byte[] body = good.body();
    body[body.length / 2] ^= 0x01;
    rejected(receive(withBody(good, body)), 400, "unable to verify payload", "payload signature check failed");
  }

  @Test
  void wrongSecret() {
    rejected(
        Webhooks.receive(github("push", "github/push-main.json"), WebhookConfig.of("another-fake-secret")),
        400,
        "unable to verify payload",
        "payload signature check failed");
  }

  @Test
  void missingSignature() {
    WebhookRequest r = withHeader(github("push", "github/push-main.json"), "X-Hub-Signature", null);
    r = withHeader(r, "X-Hub-Signature-256", null);
    Rejected rej = rejected(receive(r), 400, "unable to verify payload", "missing signature");
    assertEquals("unable to verify payload: missing signature", rej.message());
  }

  @ParameterizedTest
  @ValueSource(strings = {"md5=abcdef", "sha512=00ff"})
  void wrongPrefix(String header) {
    WebhookRequest r = withHeader(github("push", "github/push-main.json"), "X-Hub-Signature-256", null);
    r = withHeader(r, "X-Hub-Signature", header);
    rejected(receive(r), 400, "unable to verify payload", "unknown hash type prefix");
  }

  @Test
  void sha1PrefixInSha256HeaderIsUnknown() {
    WebhookRequest r = github("push", "github/push-main.json");
    r = withHeader(r, "X-Hub-Signature-256", r.header("X-Hub-Signature"));
    rejected(receive(r), 400, "unable to verify payload", "unknown hash type prefix");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sha256", "=abcd", "sha256=xyz", "sha256=abc"})
  void unparsableSignature(String header) {
    WebhookRequest r = withHeader(github("push", "github/push-main.json"), "X-Hub-Signature-256", header);
    rejected(receive(r), 400, "unable to verify payload", "error parsing signature");
  }

  @Test
  void noSecretConfigured() {
    for (String secret : new String[] {null, "", "  "}) {
      Rejected rej =
          assertInstanceOf(
              Rejected.class,
              Webhooks.receive(github("push", "github/push-main.json"), new WebhookConfig(() -> secret, false)));
      assertEquals(403, rej.status());
      assertTrue(rej.error().contains("no webhook secret is configured"), rej.error());
      assertTrue(rej.error().contains("inertia <remote> up"), rej.error());
      assertTrue(rej.error().contains("--webhook.secret"), rej.error());
    }
  }

  @Test
  void secretIsReadOnEveryCall() {
    String[] current = {"old-fake-secret"};
    WebhookConfig config = new WebhookConfig(() -> current[0], false);
    assertInstanceOf(Rejected.class, Webhooks.receive(github("push", "github/push-main.json"), config));
    current[0] = SECRET;
    assertInstanceOf(Push.class, Webhooks.receive(github("push", "github/push-main.json"), config));
  }
}
