package io.inertia.cli.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitHostPagesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock = """
          https://github.com/o/r.git          | GitHub    | add to https://github.com/o/r/settings/keys/new            | add to https://github.com/o/r/settings/hooks/new
          git@github.com:o/r.git              | GitHub    | add to https://github.com/o/r/settings/keys/new            | add to https://github.com/o/r/settings/hooks/new
          https://gitlab.com/g/p              | GitLab    | add under Deploy keys at https://gitlab.com/g/p/-/settings/repository | add at https://gitlab.com/g/p/-/hooks
          git@bitbucket.org:team/app.git      | Bitbucket | add at https://bitbucket.org/team/app/admin/access-keys/  | add at https://bitbucket.org/team/app/admin/webhooks
          ssh://git@git.example.com:2222/srv/app.git | '' | add it to the repository as a read-only deploy key     | add it to the repository's push webhooks
          ssh://git@10.0.0.5/srv/app.git      | ''        | add it to the repository as a read-only deploy key        | add it to the repository's push webhooks
          """)
  void pagesFollowTheHost(String url, String host, String key, String hook) {
    GitHostPages p = GitHostPages.of(url);
    assertEquals(host, p.hostName());
    assertEquals(key, p.deployKeyPlace());
    assertEquals(hook, p.webhookPlace());
  }

  @ParameterizedTest
  @CsvSource({"ssh://git@git.example.com:2222/srv/app.git,git.example.com", "git@GitHub.com:o/r.git,github.com",
      "https://user@gitlab.com:443/g/p,gitlab.com"})
  void hostOfAUrl(String url, String host) {
    assertEquals(host, GitHostPages.host(url));
  }
}
