package io.inertia.daemon.notify;

import io.inertia.daemon.deploy.Notifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Posts {@code {"attachments":[{"text":"*<message>*","color":"good|warning|danger"}]}} to a Slack incoming webhook,
 * as the original. Blocking, at most 10 s per message; thread-safe.
 */
public final class SlackNotifier implements Notifier {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final HttpClient http;

  public SlackNotifier() {
    this(HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
  }

  public SlackNotifier(HttpClient http) {
    this.http = http;
  }

  /** The JSON body for one message. */
  static String payload(String text, Colour colour) {
    return "{\"attachments\":[{\"text\":\""
        + json("*" + text + "*")
        + "\",\"color\":\""
        + colour.name().toLowerCase(Locale.ROOT)
        + "\"}]}";
  }

  @Override
  public void send(String targetUrl, String text, Colour colour) {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(targetUrl))
              .timeout(TIMEOUT)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(payload(text, colour)))
              .build();
    } catch (IllegalArgumentException e) {
      throw new NotificationException("invalid Slack URL: " + e.getMessage(), e);
    }
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new NotificationException("http request rejected by Slack: " + response.body(), null);
      }
    } catch (IOException e) {
      throw new NotificationException("cannot reach Slack: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotificationException("interrupted while notifying Slack", e);
    }
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
