package io.inertia.cli;

/** A command line that cannot be run as typed (an unknown remote or command): exit code 2. */
public class UsageException extends CliException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message, String hint) {
    super(message, hint);
  }
}
