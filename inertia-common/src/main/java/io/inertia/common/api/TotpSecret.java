package io.inertia.common.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code data.totp} of {@code POST /user/totp/enable}: the base32 secret and ten single-use backup codes. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TotpSecret(
    @JsonProperty("secret") String secret, @JsonProperty("backup_codes") List<String> backupCodes) {}
