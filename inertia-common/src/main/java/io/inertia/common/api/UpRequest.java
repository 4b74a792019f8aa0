package io.inertia.common.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of {@code POST /up} (docs/original.md#endpoints {@code UpRequest}). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpRequest(
    @JsonProperty("stream") boolean stream,
    @JsonProperty("project") String project,
    @JsonProperty("build_type") String buildType,
    @JsonProperty("build_file_path") String buildFilePath,
    @JsonProperty("git_options") GitOptions gitOptions,
    @JsonProperty("webhook_secret") String webhookSecret,
    @JsonProperty("intermediary_containers") List<String> intermediaryContainers,
    @JsonProperty("slack_notification_url") String slackNotificationUrl) {

  /** {@code git_options}: the repository (SSH form) and the branch to deploy. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record GitOptions(@JsonProperty("remote") String remote, @JsonProperty("branch") String branch) {}
}
