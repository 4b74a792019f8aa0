package io.inertia.cli.bootstrap;

/** An image could not be saved locally or loaded on the remote; the message quotes the tool. */
public final class ImageTransferException extends Exception {
  private static final long serialVersionUID = 1L;

  public ImageTransferException(String message) {
    super(message);
  }

  public ImageTransferException(String message, Throwable cause) {
    super(message, cause);
  }
}
