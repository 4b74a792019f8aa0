package io.inertia.daemon.http;

import java.util.Map;

/**
 * What a route asks of {@link RequestGate} for a request's body, decided from the headers before any of the body is
 * read: either the route answers from the headers alone ({@link #skipBody()}: the body is never read and the
 * connection closes after the reply), or it sees every piece of the body as it arrives ({@link #update}), so a check
 * such as a webhook signature is done while the body streams in rather than after. The route finds its watch under
 * {@link RequestGate#WATCH_ATTRIBUTE}.
 */
public interface BodyWatch {
  boolean skipBody();

  void update(byte[] bytes, int offset, int length);

  /** Creates the watch for one request from its headers (names case-insensitive, first value of each). */
  @FunctionalInterface
  interface Factory {
    BodyWatch start(Map<String, String> headers, String contentType);
  }
}
