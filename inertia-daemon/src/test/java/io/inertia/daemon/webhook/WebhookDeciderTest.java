package io.inertia.daemon.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inertia.daemon.webhook.WebhookDecision.Deploy;
import io.inertia.daemon.webhook.WebhookDecision.Ignore;
import io.inertia.daemon.webhook.WebhookResult.Push;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookDeciderTest {
  static final String SSH = "git@github.com:acme-corp/shop-api.git";
  static final String HTTP = "https://github.com/acme-corp/shop-api.git";
  static final String SHA = "e4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3";

  static Push push(String ref, String ssh, String http, boolean deleted, boolean tag) {
    return new Push(
        Host.GITHUB, "push", "d1", "shop-api", ssh, http, ref, io.inertia.common.git.GitRefs.shortName(ref),
        deleted ? null : SHA, deleted, tag);
  }

  static Push main() {
    return push("refs/heads/main", SSH, HTTP, false, false);
  }

  static DeployedState deployed(String url, String branch) {
    return new DeployedState(true, url, branch);
  }

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of("deploys the deployed branch", main(), deployed(SSH, "main"), new Deploy("main", SHA)),
        Arguments.of("deployed remote in https form", main(), deployed("https://github.com/acme-corp/shop-api", "main"),
            new Deploy("main", SHA)),
        Arguments.of("payload ssh url differs, http matches",
            push("refs/heads/main", "git@ssh.github.com:acme-corp/shop-api.git", HTTP, false, false),
            deployed(HTTP, "main"), new Deploy("main", SHA)),
        Arguments.of("branch with slash", push("refs/heads/feat/x", SSH, HTTP, false, false), deployed(SSH, "feat/x"),
            new Deploy("feat/x", SHA)),
        Arguments.of("no deployment", main(), DeployedState.none(), new WebhookDecision.NoProject()),
        Arguments.of("null state", main(), null, new WebhookDecision.NoProject()),
        Arguments.of("other repository", main(), deployed("git@github.com:acme-corp/other.git", "main"),
            new Ignore("Ignoring event: event repository " + SSH
                + " does not match deployed repository git@github.com:acme-corp/other.git")),
        Arguments.of("deployed remote unknown", main(), deployed("", "main"),
            new Ignore("Ignoring event: event repository " + SSH + " does not match deployed repository (none)")),
        Arguments.of("payload without urls", push("refs/heads/main", "", "", false, false), deployed(SSH, "main"),
            new Ignore("Ignoring event: event repository  does not match deployed repository " + SSH)),
        Arguments.of("other branch", push("refs/heads/develop", SSH, HTTP, false, false), deployed(SSH, "main"),
            new Ignore("Ignoring event: event branch develop does not match deployed branch main")),
        Arguments.of("tag named like the branch", push("refs/tags/main", SSH, HTTP, false, true), deployed(SSH, "main"),
            new Ignore(WebhookDecider.TAG_PUSH)),
        Arguments.of("deletion of the deployed branch", push("refs/heads/main", SSH, HTTP, true, false),
            deployed(SSH, "main"), new Ignore(WebhookDecider.BRANCH_DELETION)),
        Arguments.of("no deployment wins over tag", push("refs/tags/v1", SSH, HTTP, false, true), DeployedState.none(),
            new WebhookDecision.NoProject()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void decides(String name, Push push, DeployedState state, WebhookDecision expected) {
    assertEquals(expected, WebhookDecider.decide(push, state));
  }
}
