package io.inertia.daemon.http;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Request ids as chi's middleware makes them (docs/original.md#api-server): {@code host/<random>-<counter>}. Thread-safe. */
final class RequestIds {
  static final String ATTRIBUTE = "inertia.request_id";
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final String prefix;
  private final AtomicLong counter = new AtomicLong();

  RequestIds(String host) {
    SecureRandom r = new SecureRandom();
    StringBuilder sb = new StringBuilder(host).append('/');
    for (int i = 0; i < 10; i++) {
      sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    this.prefix = sb.append('-').toString();
  }

  String next() {
    return prefix + String.format("%06d", counter.incrementAndGet());
  }

  static String of(Context ctx) {
    return ctx.attribute(ATTRIBUTE);
  }
}
