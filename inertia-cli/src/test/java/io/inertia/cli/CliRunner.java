package io.inertia.cli;

import io.inertia.cli.command.RemoteOperations;
import io.inertia.cli.daemon.DaemonClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code inertia} in-process over a temp global dir and project dir, with captured output. */
final class CliRunner {
  final Path globalDir;
  final Path projectDir;
  final Map<String, String> env = new HashMap<>();
  RemoteOperations operations;

  CliRunner(Path tmp) {
    this.globalDir = tmp.resolve("global");
    this.projectDir = tmp.resolve("project");
    projectDir.toFile().mkdirs();
    env.put("INERTIA_PATH", globalDir.toString());
    env.put("HOME", tmp.resolve("home").toString());
  }

  Result input(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    InertiaCli.Environment e =
        new InertiaCli.Environment(
            env,
            projectDir,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false,
            DaemonClient::new,
            () -> operations);
    long t0 = System.nanoTime();
    int code = InertiaCli.run(args, e);
    if (System.getenv("CLI_TEST_TIMES") != null) {
      System.err.printf("%5d ms  inertia %s%n", (System.nanoTime() - t0) / 1_000_000, String.join(" ", args));
    }
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Result run(String... args) {
    return input("", args);
  }

  Path remotesFile() {
    return globalDir.resolve("inertia.remotes");
  }

  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
  }
}
