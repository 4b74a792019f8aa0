package io.inertia.daemon.deploy;

import java.util.Optional;

/**
 * How a deploy ended, in the terms the HTTP layer renders: {@code [success 201] Project startup initiated!} or
 * {@code [error <status>] <message>: (<detail>)}.
 *
 * @param status HTTP-ish status: 201 on success, 412 or 500 on failure
 * @param message the original's message ("Project startup initiated!", "failed to build project", …)
 * @param detail the underlying error, empty on success
 * @param releaseId the release recorded for this deploy, if one was created
 */
public record Outcome(int status, String message, String detail, Optional<Long> releaseId) {
  public static final String STARTED = "Project startup initiated!";

  public boolean success() {
    return status < 300;
  }

  /**
   * The last line of a streamed {@code up}, as the original prints it: {@code [success 201] Project startup
   * initiated!} or {@code [error 500] failed to build project: (<detail>)}.
   */
  public String streamLine() {
    if (success()) {
      return "[success " + status + "] " + message;
    }
    return "[error " + status + "] " + message + (detail.isEmpty() ? "" : ": (" + detail + ")");
  }

  static Outcome ok(long releaseId) {
    return new Outcome(201, STARTED, "", Optional.of(releaseId));
  }

  static Outcome failed(DeploymentException e, Optional<Long> releaseId) {
    return new Outcome(e.status(), e.getMessage(), e.detail(), releaseId);
  }
}
