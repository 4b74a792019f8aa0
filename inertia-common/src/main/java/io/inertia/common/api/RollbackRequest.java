package io.inertia.common.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /rollback}: the release id to return to; null means the previous good release. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RollbackRequest(@JsonProperty("release") Long release, @JsonProperty("stream") boolean stream) {}
