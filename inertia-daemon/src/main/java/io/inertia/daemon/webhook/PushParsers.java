package io.inertia.daemon.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.inertia.common.git.GitRefs;
import io.inertia.daemon.webhook.WebhookResult.Push;

/** Reads push payloads of each host into a {@link Push}; field paths as in docs/original.md#webhooks. */
final class PushParsers {
  private static final String ZERO_SHA = "0000000000000000000000000000000000000000";

  private PushParsers() {}

  /**
   * GitHub {@code push}: {@code ref}, {@code repository.{name,clone_url,ssh_url}}; the commit is {@code after}, else
   * {@code head_commit.id}; a deletion has {@code deleted: true} or an all-zero {@code after}.
   */
  static Push github(JsonNode root, String event, String deliveryId) throws PayloadException {
    String ref = Json.requireText(root, "ref");
    Json.requireObject(root, "repository");
    String name = Json.requireText(root, "repository.name");
    String httpUrl = Json.requireText(root, "repository.clone_url");
    String sshUrl = Json.requireText(root, "repository.ssh_url");
    String after = Json.optionalText(root, "after");
    Json.optionalObject(root, "head_commit");
    String headCommit = Json.optionalText(root, "head_commit.id");
    boolean deleted = Json.optionalBoolean(root, "deleted") || ZERO_SHA.equals(after);
    String commit = deleted ? null : firstNonZero(after, headCommit);
    return push(Host.GITHUB, event, deliveryId, name, sshUrl, httpUrl, ref, commit, deleted, GitRefs.isTag(ref));
  }

  /**
   * GitLab {@code Push Hook} and {@code Tag Push Hook}: {@code ref}, {@code repository.{name,git_http_url,
   * git_ssh_url}}; the commit is {@code checkout_sha}, else {@code after}; a deletion has an all-zero {@code after}.
   */
  static Push gitlab(JsonNode root, String event, String deliveryId, boolean tagHook) throws PayloadException {
    String ref = Json.requireText(root, "ref");
    Json.requireObject(root, "repository");
    String name = Json.requireText(root, "repository.name");
    String httpUrl = Json.requireText(root, "repository.git_http_url");
    String sshUrl = Json.requireText(root, "repository.git_ssh_url");
    String checkout = Json.optionalText(root, "checkout_sha");
    String after = Json.optionalText(root, "after");
    boolean deleted = ZERO_SHA.equals(after);
    String commit = deleted ? null : firstNonZero(checkout, after);
    return push(Host.GITLAB, event, deliveryId, name, sshUrl, httpUrl, ref, commit, deleted, tagHook || GitRefs.isTag(ref));
  }

  /**
   * Bitbucket {@code repo:push}: {@code repository.full_name} and {@code push.changes[0]}. The ref is {@code
   * refs/heads/<new.name>} for a branch, {@code refs/tags/<new.name>} for a tag; {@code new} is null for a deletion
   * (then {@code old} names the ref). URLs are built as the original does: {@code git@bitbucket.org:<full_name>.git}
   * and {@code https://<owner>@bitbucket.org/<full_name>.git}.
   */
  static Push bitbucket(JsonNode root, String event, String deliveryId) throws PayloadException {
    Json.requireObject(root, "repository");
    String fullName = Json.requireText(root, "repository.full_name");
    int slash = fullName.indexOf('/');
    if (slash <= 0 || slash == fullName.length() - 1) {
      throw new PayloadException("field repository.full_name must be <owner>/<repository>, got " + Texts.clip(fullName));
    }
    String owner = fullName.substring(0, slash);
    String name = fullName.substring(fullName.lastIndexOf('/') + 1);
    Json.requireObject(root, "push");
    JsonNode changes = Json.requireArray(root, "push.changes");
    if (changes.isEmpty()) {
      throw new PayloadException("field push.changes is empty");
    }
    JsonNode change = changes.get(0);
    if (!change.isObject()) {
      throw new PayloadException("field push.changes[0] must be an object, got " + Json.kind(change));
    }
    JsonNode target = Json.optionalObject(change, "new");
    boolean deleted = target == null;
    if (deleted) {
      target = Json.optionalObject(change, "old");
      if (target == null) {
        throw new PayloadException("field push.changes[0] has neither new nor old");
      }
    }
    String side = deleted ? "push.changes[0].old" : "push.changes[0].new";
    String refName = text(target, "name", side);
    String type = text(target, "type", side);
    boolean tag;
    switch (type) {
      case "branch", "named_branch", "bookmark" -> tag = false;
      case "tag" -> tag = true;
      default -> throw new PayloadException("field " + side + ".type is not a branch or a tag: " + Texts.clip(type));
    }
    String ref = tag ? "refs/tags/" + refName : GitRefs.branchRef(refName);
    String commit = null;
    if (!deleted) {
      try {
        commit = Json.optionalText(target, "target.hash");
      } catch (PayloadException e) {
        throw new PayloadException(side + ": " + e.getMessage());
      }
    }
    String sshUrl = "git@bitbucket.org:" + fullName + ".git";
    String httpUrl = "https://" + owner + "@bitbucket.org/" + fullName + ".git";
    return push(Host.BITBUCKET, event, deliveryId, name, sshUrl, httpUrl, ref, commit, deleted, tag);
  }

  private static String text(JsonNode node, String field, String where) throws PayloadException {
    try {
      return Json.requireText(node, field);
    } catch (PayloadException e) {
      throw new PayloadException(e.getMessage().replace("field " + field, "field " + where + "." + field));
    }
  }

  private static String firstNonZero(String a, String b) {
    if (a != null && !a.isEmpty() && !ZERO_SHA.equals(a)) {
      return a;
    }
    if (b != null && !b.isEmpty() && !ZERO_SHA.equals(b)) {
      return b;
    }
    return null;
  }

  private static Push push(
      Host host,
      String event,
      String deliveryId,
      String name,
      String sshUrl,
      String httpUrl,
      String ref,
      String commit,
      boolean deleted,
      boolean tag) {
    return new Push(host, event, deliveryId, name, sshUrl, httpUrl, ref, GitRefs.shortName(ref), commit, deleted, tag);
  }
}
