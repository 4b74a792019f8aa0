package io.inertia.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.daemon.auth.TokenService;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class InertiaDaemonTest {
  @Test
  void runAcceptsHostPortAndWebhookSecretFlag() {
    InertiaDaemon.RunCommand run = new InertiaDaemon.RunCommand();
    new CommandLine(run).parseArgs("203.0.113.5", "-p", "4444", "--webhook.secret", "s3");
    run.normaliseLegacyArgument();
    assertEquals("203.0.113.5", run.host);
    assertEquals(4444, run.port);
    assertEquals("s3", run.webhookSecret);
  }

  @Test
  void runTakesTheWebhookSecretFromAFile() {
    InertiaDaemon.RunCommand run = new InertiaDaemon.RunCommand();
    new CommandLine(run).parseArgs("203.0.113.5", "--webhook.secret-file", "/app/host/.inertia/webhook.secret");
    run.normaliseLegacyArgument();
    assertEquals(java.nio.file.Path.of("/app/host/.inertia/webhook.secret"), run.webhookSecretFile);
    assertEquals(null, run.webhookSecret);
  }

  @Test
  void runAcceptsTheOriginalsSingleQuotedArgument() {
    InertiaDaemon.RunCommand run = new InertiaDaemon.RunCommand();
    new CommandLine(run).parseArgs("203.0.113.5 --webhook.secret s3");
    run.normaliseLegacyArgument();
    assertEquals("203.0.113.5", run.host);
    assertEquals("s3", run.webhookSecret);
    assertEquals(4303, run.port);
  }

  @Test
  void listenAddressComesFromTheFlagThenTheEnvironmentElseEveryInterface() {
    InertiaDaemon.RunCommand run = new InertiaDaemon.RunCommand();
    new CommandLine(run).parseArgs("203.0.113.5");
    assertEquals(null, run.listenAddress(java.util.Map.of()));
    assertEquals(null, run.listenAddress(java.util.Map.of(InertiaDaemon.LISTEN_ENV, " ")));
    assertEquals("127.0.0.1", run.listenAddress(java.util.Map.of(InertiaDaemon.LISTEN_ENV, "127.0.0.1")));
    new CommandLine(run).parseArgs("203.0.113.5", "--listen", "::1");
    assertEquals("::1", run.listenAddress(java.util.Map.of(InertiaDaemon.LISTEN_ENV, "127.0.0.1")));
  }

  @Test
  void versionAndUsage() {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new InertiaDaemon());
    cl.setOut(new PrintWriter(out));
    assertEquals(0, cl.execute("--version"));
    assertTrue(out.toString().startsWith("inertiad version v"), out.toString());
    assertEquals(2, new CommandLine(new InertiaDaemon()).setErr(new PrintWriter(new StringWriter())).execute("run", "--nope"));
  }

  @Test
  void masterTokenIsStableForOneKey() {
    TokenService t = new TokenService(new byte[32], new TestClock());
    assertEquals(t.masterToken(), t.masterToken());
    assertEquals("master", t.verify(t.masterToken()).user());
  }
}
