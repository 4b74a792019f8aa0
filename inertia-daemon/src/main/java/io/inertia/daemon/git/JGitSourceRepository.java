package io.inertia.daemon.git;

import io.inertia.daemon.deploy.LineSink;
import io.inertia.daemon.deploy.RepositoryAccessException;
import io.inertia.daemon.deploy.SourceException;
import io.inertia.daemon.deploy.SourceRepository;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.CreateBranchCommand.SetupUpstreamMode;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.BatchingProgressMonitor;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * The project's git working tree, managed with JGit over SSH with the deploy key ({@code INERTIA_GH_KEY_PATH}).
 *
 * <p>Host keys are checked against {@code SSH_KNOWN_HOSTS} with {@code StrictHostKeyChecking yes}: an unknown or
 * changed host key fails. The ssh configuration comes from a private directory the daemon owns, never from the
 * user's {@code ~/.ssh/config}. Deploys fetch and then {@code reset --hard origin/<branch>}; they never merge
 * (docs/libraries.md#jgit-fetch-and-reset). Not thread-safe: the deploy service serialises calls.
 */
public final class JGitSourceRepository implements SourceRepository {
  private static final String ORIGIN = "origin";

  private final Path projectDir;
  private final Path deployKey;
  private final Path knownHosts;
  private final Path sshDir;
  private SshdSessionFactory sessionFactory;

  /**
   * @param projectDir the working tree ({@code INERTIA_PROJECT_DIR})
   * @param deployKey private deploy key; {@code <deployKey>.pub} is quoted when access is rejected
   * @param knownHosts known_hosts file ({@code SSH_KNOWN_HOSTS})
   * @param sshDir a private directory for JGit's ssh configuration (created; holds only {@code config})
   */
  public JGitSourceRepository(Path projectDir, Path deployKey, Path knownHosts, Path sshDir) {
    this.projectDir = projectDir.toAbsolutePath();
    this.deployKey = deployKey.toAbsolutePath();
    this.knownHosts = knownHosts.toAbsolutePath();
    this.sshDir = sshDir.toAbsolutePath();
  }

  @Override
  public boolean initialised() {
    return head().isPresent();
  }

  @Override
  public Optional<String> originUrl() {
    try (Repository r = open()) {
      if (r == null) {
        return Optional.empty();
      }
      return Optional.ofNullable(r.getConfig().getString("remote", ORIGIN, "url"));
    }
  }

  @Override
  public Optional<Commit> head() {
    try (Repository r = open()) {
      if (r == null) {
        return Optional.empty();
      }
      ObjectId id = r.resolve(Constants.HEAD);
      if (id == null) {
        return Optional.empty();
      }
      try (RevWalk walk = new RevWalk(r)) {
        RevCommit c = walk.parseCommit(id);
        return Optional.of(new Commit(id.name(), c.getFullMessage(), r.getBranch()));
      }
    } catch (IOException e) {
      throw new SourceException("cannot read the repository: " + e.getMessage(), e);
    }
  }

  @Override
  public void initialise(String remoteUrl, LineSink log) {
    try {
      Files.createDirectories(projectDir);
      deleteTree(projectDir.resolve(".git"));
      try (Git git = Git.init().setDirectory(projectDir.toFile()).call()) {
        git.remoteAdd()
            .setName(ORIGIN)
            .setUri(new URIish(toJGitUrl(remoteUrl)))
            .call();
        // No background auto-gc: it would race with reset's removal of the project directory.
        git.getRepository().getConfig().setInt("gc", null, "auto", 0);
        git.getRepository().getConfig().setBoolean("gc", null, "autoDetach", false);
        git.getRepository().getConfig().save();
      }
    } catch (GitAPIException | IOException | java.net.URISyntaxException e) {
      throw new SourceException("cannot set up the repository: " + e.getMessage(), e);
    }
  }

  private void fetch(Git git, LineSink log) throws GitAPIException {
    log.line("Fetching repository...");
    // git fetch --prune --force origin +refs/heads/*:refs/remotes/origin/*
    git.fetch()
        .setRemote(ORIGIN)
        .setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/origin/*"))
        .setRemoveDeletedRefs(true)
        .setTransportConfigCallback(
            t -> {
              if (t instanceof SshTransport ssh) {
                ssh.setSshSessionFactory(sessionFactory());
              }
            })
        .setProgressMonitor(new LineProgressMonitor(log))
        .call();
  }

  @Override
  public Commit update(String branch, Optional<String> commit, LineSink log) {
    try (Git git = Git.open(projectDir.toFile())) {
      // A given commit already here (rollback, restart restore) needs no fetch: it also works while the git host
      // is unreachable.
      boolean known = commit.isPresent() && git.getRepository().resolve(commit.get() + "^{commit}") != null;
      if (known) {
        log.line("Commit " + commit.get() + " is present; not fetching");
      } else {
        fetch(git, log);
      }
      String remoteRef = "refs/remotes/origin/" + branch;
      if (git.getRepository().resolve(remoteRef) == null) {
        throw new SourceException("branch '" + branch + "' not found on the remote", null);
      }
      log.line("Checking out 'refs/heads/" + branch + "'...");
      boolean exists = git.getRepository().findRef(Constants.R_HEADS + branch) != null;
      // git checkout -f [-B <branch> origin/<branch>]
      git.checkout()
          .setName(branch)
          .setCreateBranch(!exists)
          .setStartPoint(exists ? null : "origin/" + branch)
          .setUpstreamMode(exists ? null : SetupUpstreamMode.TRACK)
          .setForced(true)
          .call();
      String target = commit.orElse("origin/" + branch);
      log.line("Resetting to " + target + "...");
      // git reset --hard <target> (untracked files, e.g. those sent with `inertia send`, survive)
      git.reset().setMode(ResetType.HARD).setRef(target).call();
      return head().orElseThrow(() -> new SourceException("no commit checked out", null));
    } catch (TransportException e) {
      throw accessOrSource(e);
    } catch (GitAPIException | IOException | RuntimeException e) {
      if (e instanceof SourceException s) {
        throw s;
      }
      throw new SourceException(e.getMessage(), e);
    }
  }

  @Override
  public void removeAll() {
    try (Stream<Path> children = Files.exists(projectDir) ? Files.list(projectDir) : Stream.empty()) {
      for (Path p : children.toList()) {
        deleteTree(p);
      }
    } catch (IOException e) {
      throw new SourceException("cannot clear the project directory: " + e.getMessage(), e);
    }
  }

  private Repository open() {
    File git = projectDir.resolve(".git").toFile();
    if (!git.isDirectory()) {
      return null;
    }
    try {
      return new FileRepositoryBuilder().setGitDir(git).setMustExist(true).build();
    } catch (IOException e) {
      return null;
    }
  }

  /** Scp-style and ssh:// URLs go as they are; https/git URLs use their SSH form (docs/original.md#git-handling). */
  static String toJGitUrl(String url) {
    String lower = url.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("git://")) {
      return io.inertia.common.git.GitUrls.toSshForm(url);
    }
    return url;
  }

  private SshdSessionFactory sessionFactory() {
    if (sessionFactory == null) {
      try {
        Files.createDirectories(sshDir);
        // StrictHostKeyChecking yes: unknown and changed host keys both fail (docs/libraries.md#jgit-host-keys).
        Files.writeString(
            sshDir.resolve("config"),
            "Host *\n  StrictHostKeyChecking yes\n  PreferredAuthentications publickey\n",
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      sessionFactory =
          new SshdSessionFactoryBuilder()
              .setHomeDirectory(sshDir.toFile())
              .setSshDirectory(sshDir.toFile())
              .setDefaultIdentities(d -> List.of(deployKey))
              .setDefaultKnownHostsFiles(d -> List.of(knownHosts))
              .build(new JGitKeyCache());
    }
    return sessionFactory;
  }

  private RuntimeException accessOrSource(TransportException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("Cannot log in")
        || message.contains("Server key did not validate")
        || message.contains("authentication")
        || message.contains("Auth fail")) {
      String detail =
          message.contains("Server key did not validate")
              ? "the git host's key is unknown or changed (not verified against " + knownHosts + "): " + message
              : message;
      return new RepositoryAccessException(publicKey(), detail, e);
    }
    return new SourceException(message, e);
  }

  private String publicKey() {
    try {
      return Files.readString(Path.of(deployKey + ".pub"), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "(deploy key " + deployKey + ".pub unreadable: " + e.getMessage() + ")";
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
            if (exc instanceof java.nio.file.NoSuchFileException) {
              return FileVisitResult.CONTINUE; // vanished meanwhile (lock files)
            }
            throw exc;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Git progress as whole lines: one line per finished task, plus coarse percentages. */
  private static final class LineProgressMonitor extends BatchingProgressMonitor {
    private final LineSink log;

    LineProgressMonitor(LineSink log) {
      this.log = log;
    }

    @Override
    protected void onUpdate(String taskName, int workCurr, java.time.Duration duration) {}

    @Override
    protected void onEndTask(String taskName, int workCurr, java.time.Duration duration) {
      log.line(taskName + ": " + workCurr + ", done.");
    }

    @Override
    protected void onUpdate(String taskName, int workCurr, int workTotal, int percentDone, java.time.Duration d) {}

    @Override
    protected void onEndTask(String taskName, int workCurr, int workTotal, int percentDone, java.time.Duration d) {
      log.line(taskName + ": " + percentDone + "% (" + workCurr + "/" + workTotal + "), done.");
    }
  }
}
