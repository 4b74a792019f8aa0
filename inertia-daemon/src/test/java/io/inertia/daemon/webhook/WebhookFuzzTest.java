package io.inertia.daemon.webhook;

import static io.inertia.daemon.webhook.WebhookFixtures.SECRET;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inertia.daemon.webhook.WebhookResult.Ping;
import io.inertia.daemon.webhook.WebhookResult.Push;
import io.inertia.daemon.webhook.WebhookResult.Rejected;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutates real-shaped deliveries (bytes, JSON tree, headers) and feeds them to {@link Webhooks#receive}: nothing may
 * escape, and every refusal is a 4xx with a message. Seeded, so a failure names a reproducible iteration.
 */
class WebhookFuzzTest {
  static final long SEED = 0x1E27_1A00L;
  static final int ITERATIONS = 5000;
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String[] HEADER_NAMES = {
    "Content-Type", "X-GitHub-Event", "X-Gitlab-Event", "User-Agent", "X-Event-Key", "X-Hub-Signature",
    "X-Hub-Signature-256", "X-Gitlab-Token", "X-GitHub-Delivery", "X-Request-UUID", "Idempotency-Key"
  };
  static final String[] HEADER_VALUES = {
    "", " ", "push", "ping", "Push Hook", "Tag Push Hook", "repo:push", "Bitbucket-Webhooks/2.0", "application/json",
    "application/json; charset=utf-8", "application/x-www-form-urlencoded", "text/plain", "sha256=", "sha1=zz",
    "sha256=" + "0".repeat(64), "=", ";", "\u0000\u0001", "x".repeat(2_000), "sha1", "md5=00"
  };

  /** Field names {@link PushParsers} reads (plus array index 0 for {@code push.changes[0]}). */
  static final java.util.Set<String> READ_FIELDS =
      java.util.Set.of(
          "ref", "repository", "name", "clone_url", "ssh_url", "git_http_url", "git_ssh_url", "full_name", "after",
          "head_commit", "id", "deleted", "checkout_sha", "push", "changes", "0", "new", "old", "type", "target",
          "hash");

  /** A starting delivery and its parsed tree (null for the form body), copied rather than re-parsed. */
  record Base(WebhookRequest request, boolean form, JsonNode tree) {
    Base(WebhookRequest request, boolean form) {
      this(request, form, form ? null : parse(request.body()));
    }

    static JsonNode parse(byte[] body) {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("fixture does not parse", e);
      }
    }
  }

  static List<Base> corpus() {
    List<Base> bases = new ArrayList<>();
    for (String f : List.of("push-main", "push-other-branch", "push-tag", "push-delete-branch")) {
      bases.add(new Base(WebhookFixtures.github("push", "github/" + f + ".json"), false));
    }
    bases.add(new Base(WebhookFixtures.github("ping", "github/ping.json"), false));
    bases.add(new Base(WebhookFixtures.githubForm("push", "github/push-main.json"), true));
    bases.add(new Base(WebhookFixtures.gitlab("Push Hook", "gitlab/push-hook.json"), false));
    bases.add(new Base(WebhookFixtures.gitlab("Tag Push Hook", "gitlab/tag-push-hook.json"), false));
    bases.add(new Base(WebhookFixtures.bitbucket("bitbucket/repo-push-branch.json", true), false));
    bases.add(new Base(WebhookFixtures.bitbucket("bitbucket/repo-push-tag.json", true), false));
    return bases;
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void mutatedDeliveriesNeverEscapeAndAreRefusedWith4xx() {
    Random random = new Random(SEED);
    List<Base> bases = corpus();
    WebhookConfig config = new WebhookConfig(() -> SECRET, false);
    WebhookConfig lenient = new WebhookConfig(() -> SECRET, true);
    Map<String, Integer> outcomes = new LinkedHashMap<>();
    for (int i = 0; i < ITERATIONS; i++) {
      Base base = bases.get(random.nextInt(bases.size()));
      WebhookRequest mutated;
      try {
        mutated = mutate(base, random);
      } catch (IOException e) {
        throw new AssertionError("fixture did not parse", e);
      }
      WebhookResult result;
      try {
        result = Webhooks.receive(mutated, random.nextInt(10) == 0 ? lenient : config);
      } catch (Throwable t) {
        throw new AssertionError("iteration " + i + " (seed " + SEED + ") threw for " + mutated, t);
      }
      assertNotNull(result, "iteration " + i);
      check(i, result);
      String key;
      if (result instanceof Rejected r) {
        key = r.summary() + (r.error().startsWith("missing field") ? " (missing field)" : "");
      } else {
        key = result instanceof Push ? "push" : "ping";
      }
      outcomes.merge(key, 1, Integer::sum);
    }
    // The fuzzer must reach the parsers, not only bounce off signatures.
    assertTrue(outcomes.getOrDefault("push", 0) > 100, outcomes.toString());
    assertTrue(outcomes.getOrDefault("unable to parse payload", 0) > 500, outcomes.toString());
    assertTrue(outcomes.getOrDefault("unable to parse payload (missing field)", 0) > 50, outcomes.toString());
    assertTrue(outcomes.getOrDefault("ping", 0) > 50, outcomes.toString());
    assertTrue(outcomes.getOrDefault("unable to verify payload", 0) > 200, outcomes.toString());
  }

  static void check(int i, WebhookResult result) {
    String at = "iteration " + i + ": " + result;
    if (result instanceof Rejected r) {
      assertTrue(r.status() >= 400 && r.status() < 500, at);
      assertFalse(r.summary() == null || r.summary().isBlank(), at);
      assertFalse(r.error() == null || r.error().isBlank(), at);
      assertFalse(r.error().contains("internal parser error"), at);
      assertTrue(r.message().length() < 1000, at);
    } else if (result instanceof Push p) {
      for (String s : new String[] {p.event(), p.deliveryId(), p.repoName(), p.sshUrl(), p.httpUrl(), p.ref(), p.branch()}) {
        assertNotNull(s, at);
      }
      WebhookDecider.decide(p, new DeployedState(true, "git@github.com:acme-corp/shop-api.git", "main"));
    } else {
      assertNotNull(((Ping) result).host(), at);
    }
  }

  static WebhookRequest mutate(Base base, Random random) throws IOException {
    byte[] body = base.request().body();
    Map<String, String> headers = new LinkedHashMap<>(base.request().headers());
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      int kind = random.nextInt(10);
      if (kind <= 3 && !base.form()) {
        body = mutateTree(m == 0 ? base.tree().deepCopy() : null, body, random);
      } else if (kind == 4) {
        body = flipBytes(body, random);
      } else if (kind == 5) {
        body = Arrays.copyOf(body, random.nextInt(body.length + 1));
      } else if (kind == 6) {
        body = insertBytes(body, random);
      } else {
        mutateHeaders(headers, random);
      }
    }
    if (random.nextInt(10) < 8) {
      // Re-sign most mutants so they get past verification and reach the parsers.
      if (headers.containsKey("X-Hub-Signature-256") || random.nextBoolean()) {
        headers.put("X-Hub-Signature-256", WebhookFixtures.sha256(body, SECRET));
      }
      if (headers.containsKey("X-Hub-Signature")) {
        headers.put("X-Hub-Signature",
            random.nextBoolean() ? WebhookFixtures.sha1(body, SECRET) : WebhookFixtures.sha256(body, SECRET));
      }
    }
    return WebhookRequest.of(headers, body);
  }

  static byte[] mutateTree(JsonNode tree, byte[] body, Random random) throws IOException {
    JsonNode root = tree;
    if (root == null) {
      try {
        root = MAPPER.readTree(body);
      } catch (IOException e) {
        return flipBytes(body, random); // already broken by an earlier mutation
      }
    }
    if (root == null || !root.isContainerNode() || root.isEmpty()) {
      return body;
    }
    List<JsonNode[]> slots = new ArrayList<>();
    collect(root, slots);
    if (random.nextBoolean()) {
      // Half the time aim at a field the parsers read, so missing and wrong-typed fields are well covered.
      List<JsonNode[]> read = slots.stream().filter(sl -> READ_FIELDS.contains(sl[1].textValue())).toList();
      slots = read.isEmpty() ? slots : read;
    }
    JsonNode[] slot = slots.get(random.nextInt(slots.size()));
    JsonNode parent = slot[0];
    String field = slot[1].textValue();
    int op = random.nextInt(3);
    if (parent instanceof ObjectNode o) {
      if (op == 0) {
        o.remove(field);
      } else {
        o.set(field, randomValue(random));
      }
    } else if (parent instanceof ArrayNode a) {
      int index = Integer.parseInt(field);
      if (op == 0) {
        a.remove(index);
      } else {
        a.set(index, randomValue(random));
      }
    }
    return MAPPER.writeValueAsBytes(root);
  }

  /** Every (container, key) pair, favouring the shallow fields the parsers read. */
  static void collect(JsonNode node, List<JsonNode[]> out) {
    if (node instanceof ObjectNode o) {
      o.fieldNames().forEachRemaining(
          name -> {
            out.add(new JsonNode[] {o, NODES.textNode(name)});
            collect(o.get(name), out);
          });
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(new JsonNode[] {a, NODES.textNode(Integer.toString(i))});
        collect(a.get(i), out);
      }
    }
  }

  static JsonNode randomValue(Random random) {
    return switch (random.nextInt(10)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.numberNode(random.nextInt());
      case 2 -> NODES.numberNode(random.nextDouble() * 1e300);
      case 3 -> NODES.booleanNode(random.nextBoolean());
      case 4 -> NODES.arrayNode().add("refs/heads/main").add(5);
      case 5 -> NODES.objectNode().put("name", "x").putNull("id");
      case 6 -> NODES.textNode("refs/heads/" + "b".repeat(random.nextInt(6_000)));
      case 7 -> NODES.textNode("");
      case 8 -> NODES.textNode("0000000000000000000000000000000000000000");
      default -> NODES.textNode("\u0000\uD800/../refs/tags/\u202E");
    };
  }

  static byte[] flipBytes(byte[] body, Random random) {
    byte[] out = body.clone();
    int flips = 1 + random.nextInt(8);
    for (int f = 0; f < flips && out.length > 0; f++) {
      out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return out;
  }

  static byte[] insertBytes(byte[] body, Random random) {
    byte[] junk = new byte[1 + random.nextInt(16)];
    random.nextBytes(junk);
    int at = random.nextInt(body.length + 1);
    byte[] out = new byte[body.length + junk.length];
    System.arraycopy(body, 0, out, 0, at);
    System.arraycopy(junk, 0, out, at, junk.length);
    System.arraycopy(body, at, out, at + junk.length, body.length - at);
    return out;
  }

  static void mutateHeaders(Map<String, String> headers, Random random) {
    String name = HEADER_NAMES[random.nextInt(HEADER_NAMES.length)];
    switch (random.nextInt(3)) {
      case 0 -> headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
      case 1 -> {
        headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        headers.put(random.nextBoolean() ? name : name.toLowerCase(java.util.Locale.ROOT),
            HEADER_VALUES[random.nextInt(HEADER_VALUES.length)]);
      }
      default -> {
        if (headers.isEmpty()) {
          fail("no headers to mutate");
        }
      }
    }
  }
}
