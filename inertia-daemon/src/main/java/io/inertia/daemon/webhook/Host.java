package io.inertia.daemon.webhook;

/** The Git hosts whose webhooks the daemon understands, detected from headers in the original's order (docs/original.md#webhooks). */
public enum Host {
  GITHUB("github", "Github"),
  GITLAB("gitlab", "Gitlab"),
  BITBUCKET("bitbucket", "Bitbucket");

  private final String id;
  private final String displayName;

  Host(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  /** Lower-case name as the original logs it and as deliveries store it: {@code github}. */
  public String id() {
    return id;
  }

  /** Capitalised name used in the original's error messages: {@code unsupported Github event x}. */
  public String displayName() {
    return displayName;
  }

  /** The host for a stored {@link #id()}, or null when unknown. */
  public static Host fromId(String id) {
    for (Host h : values()) {
      if (h.id.equals(id)) {
        return h;
      }
    }
    return null;
  }
}
