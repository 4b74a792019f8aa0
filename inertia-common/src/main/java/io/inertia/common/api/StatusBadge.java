package io.inertia.common.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The shields.io endpoint JSON of {@code GET /status?badge=true} (docs/original.md#streaming). */
public record StatusBadge(
    @JsonProperty("schemaVersion") int schemaVersion,
    @JsonProperty("label") String label,
    @JsonProperty("labelColor") String labelColor,
    @JsonProperty("message") String message,
    @JsonProperty("color") String color,
    @JsonProperty("isError") boolean isError) {

  public static StatusBadge of(String message, String color, boolean isError) {
    return new StatusBadge(1, "inertia", "blue", message, color, isError);
  }
}
