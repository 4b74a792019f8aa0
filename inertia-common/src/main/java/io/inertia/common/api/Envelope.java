package io.inertia.common.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON envelope of every daemon response (docs/original.md#response-envelope): {@code {code, request_id, message, error, data}}.
 * {@code request_id}, {@code error} and {@code data} are omitted when empty. Codes 100–399 are success.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Envelope(
    @JsonProperty("code") int code,
    @JsonProperty("request_id") String requestId,
    @JsonProperty("message") String message,
    @JsonProperty("error") String error,
    @JsonProperty("data") JsonNode data) {

  /** True for 100–399, as the original client decides. */
  @JsonIgnore
  public boolean isSuccess() {
    return code >= 100 && code < 400;
  }
}
