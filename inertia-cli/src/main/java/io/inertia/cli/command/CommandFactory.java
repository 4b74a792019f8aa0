package io.inertia.cli.command;

import picocli.CommandLine;

/**
 * Creates command objects for picocli and hands them the {@link CliContext}; per-remote commands also
 * get the remote's name. One factory per remote, so the same command classes serve every remote.
 */
public final class CommandFactory implements CommandLine.IFactory {
  private final CliContext ctx;
  private final String remoteName;

  public CommandFactory(CliContext ctx, String remoteName) {
    this.ctx = ctx;
    this.remoteName = remoteName;
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    K object = CommandLine.defaultFactory().create(cls);
    if (object instanceof BaseCommand c) {
      c.inject(ctx);
    }
    if (object instanceof RemoteBaseCommand r) {
      r.remoteName = remoteName;
    }
    if (object instanceof RemoteHostCommand h) {
      h.remoteName = remoteName;
    }
    return object;
  }
}
