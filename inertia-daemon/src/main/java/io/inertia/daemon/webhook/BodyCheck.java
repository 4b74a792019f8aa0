package io.inertia.daemon.webhook;

import io.inertia.daemon.webhook.WebhookResult.Rejected;
import javax.crypto.Mac;

/**
 * The signature check of a webhook, done while its body streams past and before the body is held in memory: a body
 * that does not match its signature (or a request whose headers already fail) is never loaded whole. Obtained from
 * {@link WebhookService#bodyCheck} with the request's headers; the HTTP layer then either answers from the headers
 * ({@link #decidedByHeaders()}: pass the headers-only request to {@link WebhookService#handle}), or feeds the body to
 * {@link #update} and, when {@link #matches()} is false, answers with {@link WebhookService#rejectBody}. A matching
 * body is then handled as usual (and verified again there). Not thread-safe.
 */
public final class BodyCheck {
  private final Host host;
  private final Mac mac;
  private final Signatures.HubSignature signature;
  private final boolean decidedByHeaders;

  private BodyCheck(Host host, Mac mac, Signatures.HubSignature signature, boolean decidedByHeaders) {
    this.host = host;
    this.mac = mac;
    this.signature = signature;
    this.decidedByHeaders = decidedByHeaders;
  }

  static BodyCheck start(WebhookRequest headers, WebhookConfig config) {
    Host host = Webhooks.detectHost(headers);
    if (host == null) {
      return byHeaders(null);
    }
    String secret = config.currentSecret();
    String sig256 = headers.header("X-Hub-Signature-256");
    String sig1 = headers.header("X-Hub-Signature");
    switch (host) {
      case GITLAB -> {
        // The token is a header: it decides before the body is read; a good one needs no body check.
        boolean refused = secret.isEmpty() || Signatures.verifyToken(headers.header("X-Gitlab-Token"), secret) != null;
        return refused ? byHeaders(host) : new BodyCheck(host, null, null, false);
      }
      case BITBUCKET -> {
        if (Texts.isBlank(sig256) && Texts.isBlank(sig1)) {
          return config.allowUnsignedBitbucket() ? new BodyCheck(host, null, null, false) : byHeaders(host);
        }
      }
      default -> {}
    }
    if (secret.isEmpty()) {
      return byHeaders(host);
    }
    Signatures.HubSignature sig = Signatures.parseHub(sig256, sig1);
    if (sig.failure() != null) {
      return byHeaders(host);
    }
    return new BodyCheck(host, Signatures.mac(sig.algorithm(), secret), sig, false);
  }

  private static BodyCheck byHeaders(Host host) {
    return new BodyCheck(host, null, null, true);
  }

  /** The headers alone refuse the delivery: the body need not be read. */
  public boolean decidedByHeaders() {
    return decidedByHeaders;
  }

  /** Feeds the next piece of the body. */
  public void update(byte[] bytes, int offset, int length) {
    if (mac != null) {
      mac.update(bytes, offset, length);
    }
  }

  /** Whether the body fed so far matches the signature (true when no signature is checked from the body). */
  public boolean matches() {
    return decidedByHeaders || mac == null || signature.matches(mac.doFinal());
  }

  Rejected mismatch() {
    return new Rejected(host, 400, Webhooks.VERIFY, Signatures.MISMATCH);
  }
}
