package io.inertia.common.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /env} (docs/original.md#endpoints): set, encrypt or remove one variable. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnvRequest(
    @JsonProperty("name") String name,
    @JsonProperty("value") String value,
    @JsonProperty("encrypt") boolean encrypt,
    @JsonProperty("remove") boolean remove) {}
