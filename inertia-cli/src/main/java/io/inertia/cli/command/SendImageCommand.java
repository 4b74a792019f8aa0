package io.inertia.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code inertia <remote> send-image <image>}: copies a local Docker image to the remote over SSH. */
@Command(name = "send-image", description = "Copy a local Docker image to the remote's Docker engine over SSH")
public final class SendImageCommand extends RemoteBaseCommand {
  @Parameters(index = "0", paramLabel = "IMAGE", description = "a local Docker image, e.g. myapp:latest") String image;

  @Override
  protected Integer run() {
    ctx.remoteOperations("inertia " + remoteName() + " send-image").sendImage(remote(), image, console());
    console().println("image '" + image + "' has been copied to remote '" + remoteName() + "'");
    return 0;
  }
}
