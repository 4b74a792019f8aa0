package io.inertia.cli.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The system {@code ssh} client for {@code inertia <remote> ssh} (docs/original.md#per-remote-commands), told to use the
 * same trust as the CLI: the inertia known_hosts file, with strict checking.
 */
public final class SystemSsh {
  private SystemSsh() {}

  /**
   * {@code ssh -p PORT -i KEY -o UserKnownHostsFile=KH -o StrictHostKeyChecking=yes user@host
   * [command…]}.
   */
  public static List<String> commandLine(SshTarget target, Path knownHosts, List<String> command) {
    List<String> argv = new ArrayList<>();
    argv.add("ssh");
    argv.add("-p");
    argv.add(Integer.toString(target.port()));
    argv.add("-i");
    argv.add(target.identityFile().toString());
    argv.add("-o");
    argv.add("UserKnownHostsFile=" + knownHosts);
    argv.add("-o");
    argv.add("StrictHostKeyChecking=yes");
    argv.add(target.user() + "@" + target.host());
    argv.addAll(command);
    return argv;
  }

  /**
   * Runs the interactive {@code ssh} with this process's terminal and waits for it.
   *
   * @return the exit status of {@code ssh}
   */
  public static int runInteractive(SshTarget target, Path knownHosts)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(commandLine(target, knownHosts, List.of())).inheritIO().start();
    return p.waitFor();
  }
}
