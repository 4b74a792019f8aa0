package io.inertia.cli.daemon;

import io.inertia.cli.output.Console;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.inertia.common.api.Envelope;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;

/**
 * How the daemon's failures read for one remote: transport errors (offline, certificate mismatch, TLS)
 * and error envelopes, as the original client rendered them, with the remote's name in every hint.
 */
final class DaemonErrors {
  private final String remoteName;
  private final URI base;
  private final Console console;

  DaemonErrors(String remoteName, URI base, Console console) {
    this.remoteName = remoteName;
    this.base = base;
    this.console = console;
  }

  DaemonException transport(Throwable e) {
    if (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateMismatchException m) {
        return new DaemonException(
            "the daemon on remote '" + remoteName + "' presented a different certificate: expected "
                + "fingerprint " + m.expected() + ", got " + m.actual(),
            0,
            "if the daemon was re-installed or its certificate renewed, perhaps you should re-pin it with "
                + "'inertia remote set " + remoteName + " daemon.cert-fingerprint " + m.actual()
                + "' (only after checking it on the server) or re-run 'inertia " + remoteName + " init'",
            e);
      }
    }
    console.debug("transport error: " + e);
    String text = String.valueOf(e.getMessage());
    if (e instanceof ConnectException
        || e instanceof EOFException
        || e instanceof ClosedChannelException
        || e instanceof HttpTimeoutException
        || e instanceof java.net.SocketTimeoutException
        || e instanceof java.net.NoRouteToHostException
        || e instanceof java.nio.channels.UnresolvedAddressException
        || e instanceof java.net.UnknownHostException
        || text.contains("EOF")
        || text.contains("refused")
        || (e.getCause() instanceof ConnectException)) {
      return new DaemonException(
          "daemon on remote appears offline or inaccessible", 0,
          "perhaps you should check that " + base + " is reachable, or run 'inertia " + remoteName
              + " init' if the daemon is not installed",
          e);
    }
    if (e instanceof SSLHandshakeException) {
      return new DaemonException(
          "TLS handshake with " + base + " failed: " + e.getMessage(), 0,
          "if the daemon uses its own self-signed certificate, perhaps you should pin it with 'inertia remote set "
              + remoteName + " daemon.cert-fingerprint <SHA-256 fingerprint>' (the daemon logs it at start)",
          e);
    }
    return new DaemonException("request to " + base + " failed: " + e, 0, null, e);
  }

  static Envelope envelope(int status, String body) {
    if (body != null && !body.isBlank()) {
      try {
        Envelope e = DaemonClient.JSON.readValue(body, Envelope.class);
        return e.code() == 0 ? new Envelope(status, e.requestId(), e.message(), e.error(), e.data()) : e;
      } catch (JsonProcessingException ignored) {
        // Not JSON (e.g. a Jetty error page): keep the first line as the message.
      }
    }
    String first = body == null || body.isBlank() ? "" : body.strip().lines().findFirst().orElse("");
    if (first.length() > 200) {
      first = first.substring(0, 200);
    }
    return new Envelope(status, null, first, null, null);
  }

  DaemonException rendered(Envelope e) {
    String message = e.message() == null ? "" : e.message();
    String error = e.error() == null ? "" : e.error();
    if (message.contains("token expired") || error.contains("token expired")) {
      return new DaemonException(
          "token expired - try running 'inertia " + remoteName + " user login' to reauthenticate",
          e.code(), null, null);
    }
    // The daemon cannot know what the remote is called here: fill in its name ("inertia [remote] up").
    message = message.replace("inertia [remote]", "inertia " + remoteName);
    String text = "[error " + e.code() + "] " + message + (error.isEmpty() ? "" : ": (" + error + ")");
    String hint = e.code() == 401 ? "perhaps you should run 'inertia " + remoteName + " user login'" : null;
    return new DaemonException(text, e.code(), hint, null);
  }
}
