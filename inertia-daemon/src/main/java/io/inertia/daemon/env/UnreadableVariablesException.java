package io.inertia.daemon.env;

import java.util.List;

/**
 * Some stored variables cannot be decrypted with the current {@code db.key}. A deploy must stop with this message
 * rather than start the project with missing values; the operator re-sets the variables (or restores the key).
 */
public final class UnreadableVariablesException extends RuntimeException {
  private final List<String> names;

  public UnreadableVariablesException(List<String> names) {
    super(
        "cannot decrypt environment variable(s) "
            + String.join(", ", names)
            + ": they were sealed with another db.key; set them again with 'inertia <remote> env set'"
            + " or restore the original key");
    this.names = List.copyOf(names);
  }

  /** The names of the variables that cannot be decrypted. */
  public List<String> names() {
    return names;
  }
}
