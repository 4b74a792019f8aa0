package io.inertia.common.git;

import java.util.Locale;

/**
 * Git remote URL rules of the original (docs/original.md#git-handling {@code GetSSHRemoteURL}, {@code ExtractRepository}).
 *
 * <p>Pure functions, thread-safe. The SSH form is what the CLI sends to the daemon and what every remote
 * comparison uses, so {@code https://github.com/a/b} and {@code git@github.com:a/b.git} name the same repository.
 */
public final class GitUrls {
  private GitUrls() {}

  /**
   * Converts a remote URL to its SSH form.
   *
   * <ul>
   *   <li>{@code https://host/o/r}, {@code http://…} and {@code git://…} become {@code git@host:o/r.git} (a port in
   *       an https URL is dropped: it names the web server, not the SSH one);
   *   <li>{@code git@user@host:…} keeps only the last user-less host: {@code git@host:…};
   *   <li>{@code ssh://user@host:port/path} keeps its scheme and port (self-hosted servers on another port need
   *       them), and without a port (or with port 22) becomes the scp form {@code user@host:/path}: the path of an
   *       {@code ssh://} URL is absolute, and {@code user@host:path} would name {@code ~user/path} instead (GitHub,
   *       GitLab and Bitbucket serve both; a self-hosted {@code ssh://git@host/srv/app.git} only the absolute one);
   *   <li>{@code .git} is appended when missing. Blank input gives an empty string.
   * </ul>
   */
  public static String toSshForm(String url) {
    if (url == null) {
      return "";
    }
    String u = url.trim();
    if (u.isEmpty()) {
      return "";
    }
    String lower = u.toLowerCase(Locale.ROOT);
    if (lower.startsWith("ssh://")) {
      return sshScheme(u.substring("ssh://".length()));
    }
    for (String scheme : new String[] {"https://", "http://", "git://"}) {
      if (lower.startsWith(scheme)) {
        String rest = u.substring(scheme.length());
        int slash = rest.indexOf('/');
        String host = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        host = dropPort(host);
        u = "git@" + host + ":" + path;
        break;
      }
    }
    u = keepLastUser(u);
    return withGitSuffix(u);
  }

  /**
   * True when both URLs name the same repository once in SSH form; a blank {@code other} always matches. In the scp
   * form {@code host:/path} and {@code host:path} compare equal, so {@code ssh://git@github.com/a/b} matches the
   * {@code git@github.com:a/b.git} GitHub sends in webhooks.
   */
  public static boolean sameRepository(String current, String other) {
    if (other == null || other.isBlank()) {
      return true;
    }
    return comparable(toSshForm(current)).equals(comparable(toSshForm(other)));
  }

  private static String comparable(String sshForm) {
    if (sshForm.startsWith("ssh://")) {
      return sshForm;
    }
    int colon = sshForm.indexOf(':');
    return colon >= 0 && sshForm.startsWith("/", colon + 1)
        ? sshForm.substring(0, colon + 1) + sshForm.substring(colon + 2)
        : sshForm;
  }

  /**
   * {@code owner/repo} for messages and links: the last two path segments of the SSH form, without {@code .git}.
   */
  public static String repositoryName(String url) {
    String ssh = toSshForm(url);
    if (ssh.endsWith(".git")) {
      ssh = ssh.substring(0, ssh.length() - 4);
    }
    String[] parts = ssh.split("[:/]");
    int n = parts.length;
    if (n >= 2) {
      return parts[n - 2] + "/" + parts[n - 1];
    }
    return ssh;
  }

  private static String sshScheme(String rest) {
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash + 1);
    int at = authority.lastIndexOf('@');
    String user = at < 0 ? "git" : authority.substring(0, at);
    if (user.contains("@")) {
      user = "git";
    }
    String hostPort = at < 0 ? authority : authority.substring(at + 1);
    int colon = hostPort.lastIndexOf(':');
    boolean bracketed = hostPort.startsWith("[");
    boolean hasPort = colon > 0 && (!bracketed || hostPort.lastIndexOf(']') < colon);
    if (hasPort) {
      String port = hostPort.substring(colon + 1);
      if (port.equals("22") || port.isEmpty()) {
        return withGitSuffix(user + "@" + hostPort.substring(0, colon) + ":/" + path);
      }
      return withGitSuffix("ssh://" + user + "@" + hostPort + "/" + path);
    }
    return withGitSuffix(user + "@" + hostPort + ":/" + path);
  }

  private static String dropPort(String host) {
    int at = host.lastIndexOf('@');
    String userPart = at < 0 ? "" : host.substring(0, at + 1);
    String hostPart = at < 0 ? host : host.substring(at + 1);
    int colon = hostPart.lastIndexOf(':');
    if (colon > 0 && !hostPart.endsWith("]")) {
      hostPart = hostPart.substring(0, colon);
    }
    return userPart + hostPart;
  }

  private static String keepLastUser(String u) {
    int colon = u.indexOf(':');
    String authority = colon < 0 ? u : u.substring(0, colon);
    int last = authority.lastIndexOf('@');
    // The original keeps "git@<after last @>" when an @ appears after index 3 (git@user@bitbucket.org).
    if (last > 3 && authority.indexOf('@') != last) {
      return "git@" + u.substring(last + 1);
    }
    return u;
  }

  private static String withGitSuffix(String u) {
    return u.endsWith(".git") ? u : u + ".git";
  }
}
