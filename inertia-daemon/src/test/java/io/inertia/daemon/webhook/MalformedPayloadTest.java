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

class MalformedPayloadTest {
  @Test
  void malformedJson() {
    WebhookRequest r = resigned(github("push", "github/push-main.json"), "{\"ref\": \"refs/heads/main\",".getBytes(StandardCharsets.UTF_8));
    Rejected rej = assertInstanceOf(Rejected.class, receive(r));
    assertEquals(400, rej.status());
    assertTrue(rej.error().startsWith("invalid JSON: "), rej.error());
  }

  @Test
  void trailingGarbage() {
    byte[] body = (new String(load("github/push-main.json"), StandardCharsets.UTF_8) + " {}").getBytes(StandardCharsets.UTF_8);
    Rejected rej = assertInstanceOf(Rejected.class, receive(resigned(github("push", "github/push-main.json"), body)));
    assertTrue(rej.error().startsWith("invalid JSON: "), rej.error());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[]", "\"push\"", "42", "null"})
  void notAnObject(String body) {
    WebhookRequest r = resigned(github("push", "github/push-main.json"), body.getBytes(StandardCharsets.UTF_8));
    Rejected rej = assertInstanceOf(Rejected.class, receive(r));
    assertEquals(400, rej.status());
    assertEquals("unable to parse payload", rej.summary());
  }

  @Test
  void missingRef() throws Exception {
    rejected(githubEdited(t -> t.remove("ref")), 400, "unable to parse payload", "missing field ref");
  }

  @Test
  void missingSshUrl() throws Exception {
    rejected(
        githubEdited(t -> ((ObjectNode) t.get("repository")).remove("ssh_url")),
        400,
        "unable to parse payload",
        "missing field repository.ssh_url");
  }

  @Test
  void refIsNumber() throws Exception {
    rejected(
        githubEdited(t -> t.put("ref", 5)), 400, "unable to parse payload", "field ref must be a string, got number");
  }

  @Test
  void repositoryIsArray() throws Exception {
    rejected(
        githubEdited(t -> t.putArray("repository")),
        400,
        "unable to parse payload",
        "field repository must be an object, got array");
  }

  @Test
  void deletedIsString() throws Exception {
    rejected(
        githubEdited(t -> t.put("deleted", "yes")),
        400,
        "unable to parse payload",
        "field deleted must be a boolean, got string");
  }

  @Test
  void hugeFieldValue() throws Exception {
    String huge = "refs/heads/" + "a".repeat(2_000_000);
    Rejected rej = rejected(githubEdited(t -> t.put("ref", huge)), 400, "unable to parse payload",
        "field ref is too long (2000011 characters, at most 4096)");
    assertTrue(rej.message().length() < 200);
  }

  @Test
  void hugeEventNameIsClippedInMessage() {
    WebhookRequest r = withHeader(github("push", "github/push-main.json"), "X-GitHub-Event", "x".repeat(100_000));
    Rejected rej = assertInstanceOf(Rejected.class, receive(r));
    assertTrue(rej.error().length() < 200, rej.error());
  }

  @Test
  void oversizedBody() {
    WebhookRequest r = resigned(github("push", "github/push-main.json"), new byte[Webhooks.MAX_BODY_BYTES + 1]);
    rejected(receive(r), 413, "unable to read payload", "payload is larger than 25 MiB");
  }

  @Test
  void deeplyNestedJson() {
    String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
    Rejected rej =
        assertInstanceOf(
            Rejected.class,
            receive(resigned(github("push", "github/push-main.json"), deep.getBytes(StandardCharsets.UTF_8))));
    assertEquals(400, rej.status());
  }

  @Test
  void gitlabMissingRepository() throws Exception {
    ObjectNode tree = (ObjectNode) MAPPER.readTree(load("gitlab/push-hook.json"));
    tree.remove("repository");
    WebhookRequest r = withBody(gitlab("Push Hook", "gitlab/push-hook.json"), MAPPER.writeValueAsBytes(tree));
    rejected(receive(r), 400, "unable to parse payload", "missing field repository");
  }

  @Test
  void bitbucketFullNameWithoutOwner() throws Exception {
    ObjectNode tree = (ObjectNode) MAPPER.readTree(load("bitbucket/repo-push-branch.json"));
    ((ObjectNode) tree.get("repository")).put("full_name", "shop-api");
    byte[] body = MAPPER.writeValueAsBytes(tree);
    Rejected rej =
        assertInstanceOf(Rejected.class, receive(WebhookRequest.of(WebhookFixtures.bitbucketHeaders(body, true), body)));
    assertTrue(rej.error().startsWith("field repository.full_name must be <owner>/<repository>"), rej.error());
  }

  @Test
  void bitbucketNewNameIsNumber() throws Exception {
    ObjectNode tree = (ObjectNode) MAPPER.readTree(load("bitbucket/repo-push-branch.json"));
    ((ObjectNode) tree.get("push").get("changes").get(0).get("new")).put("name", 7);
    byte[] body = MAPPER.writeValueAsBytes(tree);
    rejected(
        receive(WebhookRequest.of(WebhookFixtures.bitbucketHeaders(body, true), body)),
        400,
        "unable to parse payload",
        "field push.changes[0].new.name must be a string, got number");
  }
}
