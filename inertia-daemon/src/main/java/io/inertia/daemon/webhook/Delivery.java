package io.inertia.daemon.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One received webhook and what the daemon did with it, as persisted and listed at {@code GET /webhook/deliveries}.
 * Fields the request did not carry are empty strings ({@code commit} may be null).
 *
 * @param deliveryId the host's delivery id ({@link Webhooks#deliveryId}), empty when none was sent
 * @param host {@link Host#id()}, or empty when the host was not recognised
 * @param event the event header value
 * @param repo repository name
 * @param branch branch or tag name
 * @param commit pushed commit, or null
 * @param decision what happened
 * @param reason why (the ignore reason, the rejection message, or "Accepting event: …")
 * @param time when it was received; JSON: an ISO-8601 string ({@code 2026-11-27T10:00:00Z}) without needing Jackson's
 *     java.time module
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delivery(
    @JsonProperty("delivery_id") String deliveryId,
    @JsonProperty("host") String host,
    @JsonProperty("event") String event,
    @JsonProperty("repo") String repo,
    @JsonProperty("branch") String branch,
    @JsonProperty("commit") String commit,
    @JsonProperty("decision") Decision decision,
    @JsonProperty("reason") String reason,
    @JsonProperty("time") @JsonSerialize(using = ToStringSerializer.class) @JsonDeserialize(using = IsoInstant.class)
        Instant time) {

  /** What the daemon did; serialised lower case ({@code "deploy"}, {@code "no_project"}). */
  public enum Decision {
    @JsonProperty("deploy")
    DEPLOY,
    @JsonProperty("ignored")
    IGNORED,
    @JsonProperty("duplicate")
    DUPLICATE,
    @JsonProperty("ping")
    PING,
    @JsonProperty("rejected")
    REJECTED,
    /** A verified push while no project is set up: nothing was deployed. */
    @JsonProperty("no_project")
    NO_PROJECT;

    /** Verified deliveries the daemon acted on: their ids stay claimed (rejections and duplicates do not). */
    public boolean claimsId() {
      return this == PING || this == DEPLOY || this == IGNORED || this == NO_PROJECT;
    }

    /** The stored and serialised name. */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The decision for a {@link #wireName()}. */
    public static Decision fromWireName(String s) {
      return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
  }

  public Delivery {
    deliveryId = nz(deliveryId);
    host = nz(host);
    event = nz(event);
    repo = nz(repo);
    branch = nz(branch);
    reason = nz(reason);
  }

  /** Reads the ISO-8601 {@code time}. */
  static final class IsoInstant extends StdDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    IsoInstant() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      String text = p.getValueAsString();
      try {
        return text == null ? null : Instant.parse(text);
      } catch (DateTimeParseException e) {
        return (Instant) ctx.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
      }
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
