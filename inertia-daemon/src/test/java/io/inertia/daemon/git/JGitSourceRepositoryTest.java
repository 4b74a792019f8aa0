package io.inertia.daemon.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inertia.daemon.deploy.LineSink;
import io.inertia.daemon.deploy.SourceException;
import io.inertia.daemon.deploy.SourceRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JGit adapter against real repositories over {@code file://} (SSH is covered by DeploymentIT). */
class JGitSourceRepositoryTest {
  @TempDir Path tmp;

  private Git upstream() throws Exception {
    Path bare = tmp.resolve("app.git");
    Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
    return Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(tmp.resolve("dev").toFile()).call();
  }

  private static RevCommit commit(Git dev, String file, String content, String message) throws Exception {
    Files.writeString(dev.getRepository().getWorkTree().toPath().resolve(file), content);
    dev.add().addFilepattern(file).call();
    RevCommit c = dev.commit().setMessage(message).setSign(false).call();
    dev.push().setForce(true).add("HEAD:refs/heads/main").call();
    return c;
  }

  @Test
  void httpsRemotesAreFetchedInTheirSshForm() {
    assertEquals("git@github.com:o/r.git", JGitSourceRepository.toJGitUrl("https://github.com/o/r"));
    assertEquals("git@github.com:o/r.git", JGitSourceRepository.toJGitUrl("git@github.com:o/r.git"));
    assertEquals("ssh://git@h:2222/srv/a.git", JGitSourceRepository.toJGitUrl("ssh://git@h:2222/srv/a.git"));
  }

  @Test
  void initialisesUpdatesResetsAndKeepsUntrackedFiles() throws Exception {
    try (Git dev = upstream()) {
      RevCommit c1 = commit(dev, "app.txt", "one", "first");
      Path project = tmp.resolve("project");
      Files.createDirectories(project);
      Files.writeString(project.resolve(".env"), "sent with inertia send");
      String url = tmp.resolve("app.git").toUri().toString();
      JGitSourceRepository repo =
          new JGitSourceRepository(project, tmp.resolve("key"), tmp.resolve("known_hosts"), tmp.resolve("ssh"));
      assertFalse(repo.initialised());

      List<String> lines = new ArrayList<>();
      repo.initialise(url, lines::add);
      SourceRepository.Commit head = repo.update("main", Optional.empty(), lines::add);
      assertEquals(c1.name(), head.hash());
      assertEquals("main", head.branch());
      assertEquals(Optional.of(url), repo.originUrl());
      assertTrue(lines.contains("Fetching repository..."), lines.toString());

      RevCommit c2 = commit(dev, "app.txt", "two", "second");
      Files.writeString(project.resolve("app.txt"), "local edit is discarded");
      assertEquals(c2.name(), repo.update("main", Optional.empty(), LineSink.none()).hash());
      assertEquals("two", Files.readString(project.resolve("app.txt")));

      // Force-push a rewritten history: fetch + reset --hard follows it (no merge).
      dev.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(c1.name()).call();
      RevCommit rewritten = commit(dev, "app.txt", "rewritten", "rewritten");
      assertEquals(rewritten.name(), repo.update("main", Optional.empty(), LineSink.none()).hash());

      // Rollback to an exact commit.
      assertEquals(c1.name(), repo.update("main", Optional.of(c1.name()), LineSink.none()).hash());
      assertEquals("one", Files.readString(project.resolve("app.txt")));
      assertEquals("sent with inertia send", Files.readString(project.resolve(".env")));

      // Re-initialising removes only .git.
      repo.initialise(url, LineSink.none());
      assertTrue(Files.exists(project.resolve(".env")));
      assertEquals(rewritten.name(), repo.update("main", Optional.empty(), LineSink.none()).hash());

      SourceException missing =
          assertThrows(SourceException.class, () -> repo.update("nope", Optional.empty(), LineSink.none()));
      assertTrue(missing.detail().contains("nope"), missing.detail());

      repo.removeAll();
      assertFalse(repo.initialised());
      try (var s = Files.list(project)) {
        assertEquals(0, s.count());
      }
    }
  }
}
