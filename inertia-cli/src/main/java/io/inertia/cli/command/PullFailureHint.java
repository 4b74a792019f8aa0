package io.inertia.cli.command;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches a streamed deploy for the daemon's "Pulling IMAGE..." line. When the deploy then fails, the
 * image was missing on the VPS and the pull is the likely cause (a VPS that cannot reach the registry):
 * the hint says how to send the image over SSH instead.
 */
final class PullFailureHint implements Consumer<String> {
  private static final Pattern PULLING = Pattern.compile("^Pulling (\\S+)\\.\\.\\.$");

  private final Consumer<String> next;
  private String image;

  PullFailureHint(Consumer<String> next) {
    this.next = next;
  }

  @Override
  public void accept(String line) {
    Matcher m = PULLING.matcher(line.strip());
    if (m.matches()) {
      image = m.group(1);
    }
    next.accept(line);
  }

  /** The hint for a failed deploy, when the daemon had to pull an image during it. */
  Optional<String> hint(String remoteName) {
    if (image == null) {
      return Optional.empty();
    }
    return Optional.of("the daemon had to pull " + image + ": if the VPS cannot reach its registry, put the image"
        + " there from this machine with 'inertia " + remoteName + " send-image " + image + "'"
        + " ('inertia " + remoteName + " upgrade' does that for the compose runner image), then deploy again");
  }
}
