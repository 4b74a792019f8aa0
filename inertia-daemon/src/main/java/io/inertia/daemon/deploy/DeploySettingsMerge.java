package io.inertia.daemon.deploy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How a deploy request updates the stored settings, and the fingerprint of the environment a release used. */
final class DeploySettingsMerge {
  private DeploySettingsMerge() {}

  /** The original's {@code SetConfig}: non-blank values overwrite, intermediaries always do, Slack URLs add up. */
  static DeploySettings merge(DeploySettings s, DeployRequest r, String remote) {
    List<String> slack = new ArrayList<>(s.slackUrls());
    if (!r.slackUrl().isBlank() && !slack.contains(r.slackUrl())) {
      slack.add(r.slackUrl());
    }
    BuildType type = r.buildType().isBlank() ? s.buildType() : BuildType.parse(r.buildType());
    String file = r.buildFile().isBlank() ? (r.buildType().isBlank() ? s.buildFile() : "") : r.buildFile();
    return new DeploySettings(
        r.project().isBlank() ? s.project() : r.project(),
        remote.isBlank() ? s.remoteUrl() : remote,
        r.branch().isBlank() ? s.branch() : r.branch(),
        type,
        file,
        slack,
        r.trigger() == DeployRequest.Trigger.USER ? r.intermediaryContainers() : s.intermediaryContainers(),
        s.currentReleaseId());
  }

  /** SHA-256 over {@code name=value} lines in name order: shows whether values changed without storing them. */
  static String envHash(Map<String, String> env) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      new TreeMap<>(env)
          .forEach((k, v) -> sha.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
