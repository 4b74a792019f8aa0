package io.inertia.daemon.webhook;

import static io.inertia.daemon.webhook.WebhookFixtures.SECRET;
import static io.inertia.daemon.webhook.WebhookFixtures.github;
import static io.inertia.daemon.webhook.WebhookFixtures.withHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.inertia.daemon.webhook.Delivery.Decision;
import io.inertia.daemon.webhook.WebhookDecision.Deploy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WebhookServiceTest {
  static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
  final List<Deploy> deploys = new ArrayList<>();
  DeployedState state = new DeployedState(true, "git@github.com:acme-corp/shop-api.git", "main");
  DeploySubmission submission = DeploySubmission.QUEUED;

  WebhookService service(DeliveryLog log) {
    return new WebhookService(
        WebhookConfig.of(SECRET), log, () -> state, d -> {
          synchronized (deploys) {
            deploys.add(d);
          }
          return submission;
        }, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  WebhookService service() {
    return service(new DeliveryLog(store));
  }

  @Test
  void pushToDeployedBranchDeploysAndRecords() {
    WebhookResponse r = service().handle(github("push", "github/push-main.json"));
    assertEquals(202, r.status());
    assertEquals(WebhookResult.ACCEPTED_MESSAGE, r.message());
    assertNull(r.error());
    assertEquals(List.of(new Deploy("main", "e4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3")), deploys);
    Delivery d = store.recent(1).get(0);
    assertEquals(new Delivery(WebhookFixtures.GITHUB_DELIVERY, "github", "push", "shop-api", "main",
        "e4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3", Decision.DEPLOY,
        "Accepting event: deploying branch main at e4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3", NOW), d);
  }

  @Test
  void duplicateDeliveryIsIgnored() {
    WebhookService s = service();
    s.handle(github("push", "github/push-main.json"));
    WebhookResponse again = s.handle(github("push", "github/push-main.json"));
    assertEquals(202, again.status());
    assertEquals(Decision.DUPLICATE, again.delivery().decision());
    assertEquals(1, deploys.size());
  }

  @Test
  void duplicateAcrossRestartIsIgnoredThroughTheStore() {
    service().handle(github("push", "github/push-main.json"));
    WebhookResponse afterRestart = service(new DeliveryLog(store)).handle(github("push", "github/push-main.json"));
    assertEquals(Decision.DUPLICATE, afterRestart.delivery().decision());
    assertEquals(1, deploys.size());
  }

  @Test
  void concurrentCopiesDeployOnce() throws Exception {
    WebhookService s = service();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<WebhookResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        calls.add(() -> s.handle(github("push", "github/push-main.json")));
      }
      for (Future<WebhookResponse> f : pool.invokeAll(calls)) {
        assertEquals(202, f.get().status());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, deploys.size());
  }

  @Test
  void rejectedDeliveryDoesNotBurnItsId() {
    WebhookService s = service();
    WebhookRequest forged =
        withHeader(github("push", "github/push-main.json"), "X-Hub-Signature-256", "sha256=" + "ab".repeat(32));
    WebhookResponse r = s.handle(forged);
    assertEquals(400, r.status());
    assertEquals("unable to verify payload", r.message());
    assertEquals("payload signature check failed", r.error());
    assertEquals(Decision.REJECTED, r.delivery().decision());
    assertEquals(Decision.DEPLOY, s.handle(github("push", "github/push-main.json")).delivery().decision());
  }

  @Test
  void aPushWithNothingDeployedIsRecordedAsNoProject() {
    state = DeployedState.none();
    WebhookResponse r = service().handle(github("push", "github/push-main.json"));
    assertEquals(202, r.status());
    assertEquals(Decision.NO_PROJECT, r.delivery().decision());
    assertEquals(WebhookDecider.NO_DEPLOYMENT, r.delivery().reason());
    assertTrue(deploys.isEmpty());
  }

  @Test
  void aPushTheQueueCouldNotDeployIsNotRecordedAsADeploy() {
    submission = DeploySubmission.NO_PROJECT;
    WebhookResponse r = service().handle(github("push", "github/push-main.json"));
    assertEquals(202, r.status());
    assertEquals(Decision.NO_PROJECT, r.delivery().decision());
    assertEquals(WebhookDecider.NO_DEPLOYMENT, r.delivery().reason());
    assertEquals("no_project", r.delivery().decision().wireName());

    submission = DeploySubmission.OTHER_BRANCH;
    WebhookRequest other = withHeader(github("push", "github/push-main.json"), "X-GitHub-Delivery", "another-id");
    assertEquals(Decision.IGNORED, service().handle(other).delivery().decision());
  }

  @Test
  void pingAnswers202() {
    WebhookResponse r = service().handle(github("ping", "github/ping.json"));
    assertEquals(202, r.status());
    assertEquals(Decision.PING, r.delivery().decision());
  }

  @Test
  void deliveriesWithoutIdAreNeverDuplicates() {
    WebhookService s = service();
    WebhookRequest noId = withHeader(github("push", "github/push-main.json"), "X-GitHub-Delivery", null);
    s.handle(noId);
    s.handle(noId);
    assertEquals(2, deploys.size());
  }

  @Test
  void recentIdSetIsBounded() {
    DeliveryStore forgetful =
        new DeliveryStore() {
          @Override
          public void append(Delivery delivery) {}

          @Override
          public List<Delivery> recent(int n) {
            return List.of();
          }

          @Override
          public boolean seen(String deliveryId) {
            return false;
          }
        };
    DeliveryLog log = new DeliveryLog(forgetful, 3);
    assertTrue(log.claim("a"));
    assertFalse(log.claim("a"));
    assertTrue(log.claim("b"));
    assertTrue(log.claim("c"));
    assertTrue(log.claim("d"));
    assertTrue(log.claim("a"), "the oldest id was evicted");
    assertFalse(log.claim("d"));
  }

  @Test
  void inMemoryStoreKeepsNewestFirstAndIsBounded() {
    InMemoryDeliveryStore small = new InMemoryDeliveryStore(2);
    for (String id : List.of("1", "2", "3")) {
      small.append(new Delivery(id, "github", "push", "r", "main", null, Decision.IGNORED, "x", NOW));
    }
    assertEquals(List.of("3", "2"), small.recent(10).stream().map(Delivery::deliveryId).toList());
    assertFalse(small.seen("1"));
    assertTrue(small.seen("3"));
  }

  @Test
  void deliveryJsonRoundTripsWithPlainObjectMapper() throws Exception {
    ObjectMapper m = new ObjectMapper();
    Delivery d = new Delivery("id-1", "gitlab", "Push Hook", "shop-api", "main", null, Decision.DUPLICATE, "dup", NOW);
    String json = m.writeValueAsString(d);
    assertEquals(
        "{\"delivery_id\":\"id-1\",\"host\":\"gitlab\",\"event\":\"Push Hook\",\"repo\":\"shop-api\","
            + "\"branch\":\"main\",\"decision\":\"duplicate\",\"reason\":\"dup\",\"time\":\"2026-11-27T10:00:00Z\"}",
        json);
    assertEquals(d, m.readValue(json, Delivery.class));
  }
}
