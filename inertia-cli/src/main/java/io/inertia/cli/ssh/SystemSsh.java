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
   * Runs {@code ssh} with this process's terminal and waits for it: an interactive shell when {@code
   * command} is empty, else that command, its words joined by spaces as the original joins them (the
   * remote shell splits them again), with a terminal allocated when this process has one.
   *
   * @return the exit status of {@code ssh} (the remote command's status when one was run)
   */
  public static int run(SshTarget target, Path knownHosts, List<String> command)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(commandLine(target, knownHosts, command, System.console() != null))
            .inheritIO()
            .start();
    return p.waitFor();
  }

  /**
   * The whole {@code ssh} command line for {@code inertia <remote> ssh [command…]}: the command's words
   * joined into one argument; {@code -t} before the destination when a command runs on a terminal.
   */
  public static List<String> commandLine(
      SshTarget target, Path knownHosts, List<String> command, boolean terminal) {
    if (command.isEmpty()) {
      return commandLine(target, knownHosts, List.of());
    }
    List<String> argv = new ArrayList<>(commandLine(target, knownHosts, List.of(String.join(" ", command))));
    if (terminal) {
      argv.add(1, "-t");
    }
    return argv;
  }
}
