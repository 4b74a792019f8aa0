package io.inertia.common.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code data.status} of {@code GET /status} (docs/original.md#endpoints {@code DeploymentStatusWithVersions}).
 * {@code containers} lists only the project's own containers; {@code new_version_available} is null unless known.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeploymentStatus(
    @JsonProperty("branch") String branch,
    @JsonProperty("commit_hash") String commitHash,
    @JsonProperty("commit_message") String commitMessage,
    @JsonProperty("build_type") String buildType,
    @JsonProperty("containers") List<String> containers,
    @JsonProperty("build_active") boolean buildActive,
    @JsonProperty("version") String version,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("new_version_available") String newVersionAvailable) {

  /** True when nothing was ever deployed (no branch, commit or message). */
  @JsonIgnore
  public boolean noDeployment() {
    return isBlank(branch) && isBlank(commitHash) && isBlank(commitMessage);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
