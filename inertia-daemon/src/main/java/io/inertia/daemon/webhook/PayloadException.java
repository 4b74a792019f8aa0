package io.inertia.daemon.webhook;

/** A payload could not be parsed; the message says what is missing or malformed (it becomes the envelope error). */
final class PayloadException extends Exception {
  private static final long serialVersionUID = 1L;

  PayloadException(String message) {
    super(message);
  }
}
