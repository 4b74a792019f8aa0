package io.inertia.cli.ssh;

/** The SSH connection could not be made or used (network, authentication, protocol). */
public class RemoteShellException extends Exception {
  private static final long serialVersionUID = 1L;

  public RemoteShellException(String message, Throwable cause) {
    super(message, cause);
  }

  public RemoteShellException(String message) {
    super(message);
  }
}
