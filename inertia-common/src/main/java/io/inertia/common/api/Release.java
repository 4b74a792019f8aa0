package io.inertia.common.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of {@code GET /releases} (new in this port): a deploy attempt and its outcome. Times are ISO-8601 UTC;
 * {@code finished_at} is empty while the deploy runs. {@code outcome} is one of {@code running}, {@code succeeded},
 * {@code failed}; {@code current} marks the release that is serving now.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Release(
    @JsonProperty("id") long id,
    @JsonProperty("commit_hash") String commitHash,
    @JsonProperty("commit_message") String commitMessage,
    @JsonProperty("branch") String branch,
    @JsonProperty("build_type") String buildType,
    @JsonProperty("build_file_path") String buildFilePath,
    @JsonProperty("trigger") String trigger,
    @JsonProperty("started_at") String startedAt,
    @JsonProperty("finished_at") String finishedAt,
    @JsonProperty("outcome") String outcome,
    @JsonProperty("error") String error,
    @JsonProperty("current") boolean current) {}
