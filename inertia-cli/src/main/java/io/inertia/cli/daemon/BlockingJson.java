package io.inertia.cli.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * One JSON request and its whole answer over {@link HttpsURLConnection}. The daemon commands that do not
 * stream use this instead of {@code java.net.http.HttpClient}: a blocking socket loads a fraction of the
 * classes (no selector thread, no reactive TLS pipeline), which is most of what a short command spends
 * after the handshake. Streams and the websocket keep using {@code HttpClient}.
 */
final class BlockingJson {
  private final URI base;
  private final String token;
  private final SSLContext ssl;
  private final boolean pinned;
  private final Duration connectTimeout;

  /**
   * @param pinned whether {@code ssl} trusts exactly one pinned certificate; then the pin, not the host
   *     name, identifies the daemon (its certificate names the address it was made for)
   */
  BlockingJson(URI base, String token, SSLContext ssl, boolean pinned, Duration connectTimeout) {
    this.base = base;
    this.token = token;
    this.ssl = ssl;
    this.pinned = pinned;
    this.connectTimeout = connectTimeout;
  }

  record Response(int status, String body) {}

  Response send(String method, String path, String json, Duration timeout) throws IOException {
    spareTheDefaultContext(ssl);
    HttpsURLConnection c = (HttpsURLConnection) base.resolve(path).toURL().openConnection();
    try {
      c.setSSLSocketFactory(ssl.getSocketFactory());
      if (pinned) {
        c.setHostnameVerifier((host, session) -> true);
      }
      c.setConnectTimeout((int) connectTimeout.toMillis());
      c.setReadTimeout((int) timeout.toMillis());
      c.setUseCaches(false);
      c.setRequestMethod(method);
      c.setRequestProperty("Authorization", "Bearer " + token);
      c.setRequestProperty("Content-Type", "application/json");
      if (!json.isEmpty() || method.equals("POST")) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = c.getOutputStream()) {
          out.write(body);
        }
      }
      int status = c.getResponseCode();
      InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
      String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (in != null) {
        in.close();
      }
      return new Response(status, text);
    } finally {
      c.disconnect();
    }
  }

  private static boolean defaultReplaced;

  /**
   * A new {@link HttpsURLConnection} starts from the JVM's default socket factory, and making that one reads
   * the system trust store (~40 ms at start-up) although every connection here gets its own factory. Setting
   * the default first spares that; the CLI makes no other HTTPS connections through this class.
   */
  private static synchronized void spareTheDefaultContext(SSLContext ssl) {
    if (!defaultReplaced) {
      HttpsURLConnection.setDefaultSSLSocketFactory(ssl.getSocketFactory());
      defaultReplaced = true;
    }
  }
}
