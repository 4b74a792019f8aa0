package io.inertia.common.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitUrlsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "https://github.com/a/b, git@github.com:a/b.git",
    "https://github.com/a/b.git, git@github.com:a/b.git",
    "http://github.com/a/b, git@github.com:a/b.git",
    "git://github.com/a/b.git, git@github.com:a/b.git",
    "git@github.com:a/b.git, git@github.com:a/b.git",
    "git@github.com:a/b, git@github.com:a/b.git",
    "https://user@bitbucket.org/team/repo.git, git@bitbucket.org:team/repo.git",
    "git@user@bitbucket.org:team/repo.git, git@bitbucket.org:team/repo.git",
    "https://gitlab.com/group/sub/repo.git, git@gitlab.com:group/sub/repo.git",
    "https://git.example.com:8443/o/r.git, git@git.example.com:o/r.git",
    "ssh://git@host:2222/path/repo.git, ssh://git@host:2222/path/repo.git",
    "ssh://git@host:2222/path/repo, ssh://git@host:2222/path/repo.git",
    "ssh://git@127.0.0.1:22201/srv/app.git, ssh://git@127.0.0.1:22201/srv/app.git",
    "ssh://git@github.com/a/b.git, git@github.com:/a/b.git",
    "ssh://git@github.com:22/a/b.git, git@github.com:/a/b.git",
    "ssh://github.com/a/b.git, git@github.com:/a/b.git",
    "ssh://git@172.17.0.2:22/srv/app.git, git@172.17.0.2:/srv/app.git",
    "git@gitsrv:/srv/app.git, git@gitsrv:/srv/app.git",
  })
  void normalisesToSshForm(String in, String expected) {
    assertEquals(expected, GitUrls.toSshForm(in));
  }

  @Test
  void blankGivesEmpty() {
    assertEquals("", GitUrls.toSshForm(null));
    assertEquals("", GitUrls.toSshForm("  "));
  }

  @Test
  void normalisationIsIdempotent() {
    for (String u :
        new String[] {"https://github.com/a/b", "ssh://git@host:2222/p/r.git", "git@user@bitbucket.org:t/r"}) {
      String once = GitUrls.toSshForm(u);
      assertEquals(once, GitUrls.toSshForm(once), u);
    }
  }

  @Test
  void comparesRepositories() {
    assertTrue(GitUrls.sameRepository("git@github.com:a/b.git", "https://github.com/a/b"));
    assertTrue(GitUrls.sameRepository("git@github.com:a/b.git", ""));
    assertFalse(GitUrls.sameRepository("git@github.com:a/b.git", "https://github.com/a/c"));
    assertFalse(GitUrls.sameRepository("ssh://git@host:2222/p/r.git", "ssh://git@host:2223/p/r.git"));
    // an ssh:// URL's path is absolute; GitHub's payloads carry the home-relative scp form of the same repository
    assertTrue(GitUrls.sameRepository("ssh://git@github.com/a/b.git", "git@github.com:a/b.git"));
    assertTrue(GitUrls.sameRepository("ssh://git@10.0.0.5:22/srv/app.git", "ssh://git@10.0.0.5/srv/app.git"));
  }

  @ParameterizedTest
  @CsvSource({
    "git@github.com:greatrepo/amazingproject.git, greatrepo/amazingproject",
    "https://github.com/a/b, a/b",
    "ssh://git@host:2222/srv/app.git, srv/app",
    "https://gitlab.com/group/sub/repo.git, sub/repo",
  })
  void extractsRepositoryName(String in, String expected) {
    assertEquals(expected, GitUrls.repositoryName(in));
  }
}
