package io.inertia.common.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code /user/add}, {@code /user/remove}, {@code /user/login} and {@code /user/totp/enable}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserRequest(
    @JsonProperty("username") String username,
    @JsonProperty("password") String password,
    @JsonProperty("admin") boolean admin,
    @JsonProperty("totp") String totp) {}
