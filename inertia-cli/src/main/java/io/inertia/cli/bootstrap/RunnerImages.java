package io.inertia.cli.bootstrap;

/**
 * Puts the compose runner image on the remote at {@code init} and {@code upgrade}, the way the daemon's
 * image goes there: kept when present, sent over SSH when this machine has it, else pulled. The daemon
 * pulls it at the first compose deploy otherwise, which fails on a VPS that cannot reach the registry.
 * Failing here is not fatal (a Dockerfile project never needs it): a warning says what to run.
 */
final class RunnerImages {
  private RunnerImages() {}

  static void ensure(Bootstrap bootstrap, BootstrapOutput out, String remoteName, String image) {
    out.message("Making sure the compose runner image " + image + " is on the remote...");
    try {
      bootstrap.deliverImage("Runner image", image, false);
    } catch (BootstrapException e) {
      out.message(":warning: the compose runner image " + image + " is not on the remote: " + e.getMessage()
          + "\nDocker Compose deploys need it: build or pull " + image + " on this machine, then run 'inertia "
          + remoteName + " send-image " + image + "'.");
    }
  }
}
