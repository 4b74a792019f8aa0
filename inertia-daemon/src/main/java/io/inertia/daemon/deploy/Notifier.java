package io.inertia.daemon.deploy;

/**
 * Port: deploy notifications (adapter: {@code notify.SlackNotifier}). Blocking, with its own short timeout;
 * thread-safe. A failure throws {@link NotificationException}; the deploy only logs it.
 */
@FunctionalInterface
public interface Notifier {
  /** Attachment colours of the original (docs/original.md#notifications). */
  enum Colour {
    GOOD,
    WARNING,
    DANGER
  }

  void send(String targetUrl, String text, Colour colour);

  /** Thrown when the notification could not be delivered. */
  final class NotificationException extends RuntimeException {
    public NotificationException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
