package io.inertia.cli.bootstrap;

import io.inertia.common.git.GitUrls;
import java.util.Locale;

/**
 * Where the deploy key and the webhook are added, for the repository's host: the settings pages of
 * GitHub, GitLab and Bitbucket, or a neutral sentence for any other (self-hosted) server.
 *
 * @param hostName "GitHub", "GitLab", "Bitbucket", or "" for another host
 * @param deployKeyPlace e.g. "add to https://github.com/o/r/settings/keys/new"
 * @param webhookPlace e.g. "add to https://github.com/o/r/settings/hooks/new"
 */
record GitHostPages(String hostName, String deployKeyPlace, String webhookPlace) {

  static GitHostPages of(String projectUrl) {
    String host = host(projectUrl);
    String repo = projectUrl == null || projectUrl.isBlank() ? "<owner>/<repo>" : GitUrls.repositoryName(projectUrl);
    return switch (host) {
      case "github.com", "www.github.com" -> new GitHostPages("GitHub",
          "add to https://github.com/" + repo + "/settings/keys/new",
          "add to https://github.com/" + repo + "/settings/hooks/new");
      case "gitlab.com" -> new GitHostPages("GitLab",
          "add under Deploy keys at https://gitlab.com/" + repo + "/-/settings/repository",
          "add at https://gitlab.com/" + repo + "/-/hooks");
      case "bitbucket.org" -> new GitHostPages("Bitbucket",
          "add at https://bitbucket.org/" + repo + "/admin/access-keys/",
          "add at https://bitbucket.org/" + repo + "/admin/webhooks");
      default -> new GitHostPages("",
          "add it to the repository as a read-only deploy key",
          "add it to the repository's push webhooks");
    };
  }

  /** The host name of a git URL, lower case; empty when there is none. */
  static String host(String url) {
    String ssh = GitUrls.toSshForm(url);
    if (ssh.startsWith("ssh://")) {
      ssh = ssh.substring("ssh://".length());
      int slash = ssh.indexOf('/');
      ssh = slash < 0 ? ssh : ssh.substring(0, slash);
      int colon = ssh.lastIndexOf(':');
      ssh = colon < 0 ? ssh : ssh.substring(0, colon);
    } else {
      int colon = ssh.indexOf(':');
      ssh = colon < 0 ? "" : ssh.substring(0, colon);
    }
    int at = ssh.lastIndexOf('@');
    return (at < 0 ? ssh : ssh.substring(at + 1)).toLowerCase(Locale.ROOT);
  }

  /** "GitHub Deploy Key", or "Deploy Key" for another host. */
  String title(String thing) {
    return hostName.isEmpty() ? thing : hostName + " " + thing;
  }
}
