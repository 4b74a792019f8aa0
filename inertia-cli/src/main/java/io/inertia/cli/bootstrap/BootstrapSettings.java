package io.inertia.cli.bootstrap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a bootstrap needs to know about the remote.
 *
 * @param remoteName the remote's name, for messages ({@code inertia <name> logs})
 * @param host the address the daemon is reachable at (the remote's {@code ip}); passed to {@code
 *     inertiad run <host>} for the certificate's SANs and printed in the webhook URL
 * @param version daemon image tag: the image is {@code ghcr.io/ubclaunchpad/inertiad:<version>}
 * @param daemonPort host port published to the container's 4303
 * @param webhookSecret written to {@code ~/.inertia/webhook.secret} (sent over the SSH channel's
 *     standard input), which the daemon reads through {@code INERTIA_WEBHOOK_SECRET_FILE}
 * @param projectUrl the project's git URL, for the GitHub links printed at the end (may be empty)
 * @param gitHosts {@code host[:port]} entries whose SSH host keys the deploy-key step adds to the
 *     VPS's known_hosts
 * @param forceImageTransfer send the local image even when the remote has one with that tag
 * @param daemonSettings {@code INERTIA_*} environment variables for the daemon container (the remote's
 *     {@code [remote.daemon.settings]})
 */
public record BootstrapSettings(
    String remoteName,
    String host,
    String version,
    String daemonPort,
    String webhookSecret,
    String projectUrl,
    List<String> gitHosts,
    boolean forceImageTransfer,
    Map<String, String> daemonSettings) {

  /** Image repository of the daemon (docs/original.md#daemon-container). */
  public static final String IMAGE_REPOSITORY = "ghcr.io/ubclaunchpad/inertiad";

  /**
   * The daemon's default compose runner image ({@code INERTIA_COMPOSE_IMAGE} unset); the daemon's
   * default, checked by a test.
   */
  public static final String DEFAULT_COMPOSE_IMAGE = "docker:26-cli";

  /** The compose runner image the daemon will use: its setting, else the default. */
  public String composeImage() {
    return daemonSettings.getOrDefault("INERTIA_COMPOSE_IMAGE", DEFAULT_COMPOSE_IMAGE);
  }

  /** Git hosts always scanned (GitHub, GitLab, Bitbucket: docs/bootstrap.md#what-init-does). */
  public static final List<String> DEFAULT_GIT_HOSTS =
      List.of("github.com", "gitlab.com", "bitbucket.org");

  /**
   * Environment variable with more git hosts to scan, separated by commas or spaces: {@code
   * git.example.com}, {@code git.example.com:2222} or {@code [10.0.0.5]:2222}.
   */
  public static final String GIT_HOSTS_ENV = "INERTIA_GIT_HOSTS";

  /**
   * Environment variable replacing {@link #DEFAULT_GIT_HOSTS}: a list like {@link #GIT_HOSTS_ENV}, or {@code none}
   * (a VPS that only uses a self-hosted git server; tests and the demo, which must not contact outside hosts).
   */
  public static final String DEFAULT_GIT_HOSTS_ENV = "INERTIA_DEFAULT_GIT_HOSTS";

  private static final Pattern SETTING_NAME = Pattern.compile("INERTIA_[A-Z0-9_]+");
  private static final Pattern SETTING_VALUE = Pattern.compile("[A-Za-z0-9._/:@+-]*");

  /** @throws IllegalArgumentException for a daemon setting that is not {@code INERTIA_NAME=plain-word} */
  public BootstrapSettings {
    gitHosts = List.copyOf(gitHosts);
    projectUrl = projectUrl == null ? "" : projectUrl;
    daemonSettings = daemonSettings == null ? Map.of() : Map.copyOf(new TreeMap<>(daemonSettings));
    daemonSettings.forEach((k, v) -> {
      if (!SETTING_NAME.matcher(k).matches() || !SETTING_VALUE.matcher(v).matches()) {
        throw new IllegalArgumentException("invalid daemon setting " + k + "=" + v
            + " in [remote.daemon.settings]: names are INERTIA_*, values plain words");
      }
    });
  }

  /** Without daemon settings. */
  public BootstrapSettings(
      String remoteName, String host, String version, String daemonPort, String webhookSecret,
      String projectUrl, List<String> gitHosts, boolean forceImageTransfer) {
    this(remoteName, host, version, daemonPort, webhookSecret, projectUrl, gitHosts, forceImageTransfer, Map.of());
  }

  /** {@code NAME=value} words for the daemon's {@code docker run -e}, sorted by name, space separated. */
  public String daemonEnvironment() {
    return String.join(" ", new TreeMap<>(daemonSettings).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  /** {@code ghcr.io/ubclaunchpad/inertiad:<version>}. */
  public String image() {
    return IMAGE_REPOSITORY + ":" + version;
  }

  /** {@code https://<host>:<port>/webhook}. */
  public String webhookUrl() {
    return "https://" + host + ":" + daemonPort + "/webhook";
  }

  /**
   * The default git hosts plus {@code extra} (from {@link #GIT_HOSTS_ENV} or an option), each
   * normalised to {@code host:port}, without duplicates.
   *
   * @throws IllegalArgumentException for an entry that is not a host name or address with an
   *     optional port
   */
  public static List<String> gitHosts(String extra) {
    return gitHosts(null, extra);
  }

  /**
   * Like {@link #gitHosts(String)}, with {@code defaults} (from {@link #DEFAULT_GIT_HOSTS_ENV}) replacing {@link
   * #DEFAULT_GIT_HOSTS} when not null: {@code none} or blank means no default host.
   */
  public static List<String> gitHosts(String defaults, String extra) {
    LinkedHashSet<String> all = new LinkedHashSet<>();
    if (defaults == null) {
      for (String h : DEFAULT_GIT_HOSTS) {
        all.add(h + ":22");
      }
    } else if (!defaults.isBlank() && !defaults.trim().equalsIgnoreCase("none")) {
      addAll(all, defaults);
    }
    if (extra != null) {
      addAll(all, extra);
    }
    return new ArrayList<>(all);
  }

  private static void addAll(Set<String> into, String list) {
    for (String raw : list.split("[,\\s]+")) {
      if (!raw.isBlank()) {
        into.add(normaliseGitHost(raw.trim()));
      }
    }
  }

  /** {@code host}, {@code host:port} or {@code [host]:port} → {@code host:port}. */
  static String normaliseGitHost(String raw) {
    String host;
    String port = "22";
    if (raw.startsWith("[")) {
      int close = raw.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("invalid git host '" + raw + "': missing ']'");
      }
      host = raw.substring(1, close);
      String rest = raw.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("invalid git host '" + raw + "'");
        }
        port = rest.substring(1);
      }
    } else {
      int colon = raw.lastIndexOf(':');
      host = colon < 0 ? raw : raw.substring(0, colon);
      if (colon >= 0) {
        port = raw.substring(colon + 1);
      }
    }
    if (!host.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(
          "invalid git host '" + raw + "': expected a host name or IPv4 address");
    }
    int p;
    try {
      p = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid port in git host '" + raw + "'", e);
    }
    if (p <= 0 || p > 65535) {
      throw new IllegalArgumentException("invalid port in git host '" + raw + "'");
    }
    return host.toLowerCase(Locale.ROOT) + ":" + p;
  }
}
