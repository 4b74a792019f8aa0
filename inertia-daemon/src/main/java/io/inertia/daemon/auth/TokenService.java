package io.inertia.daemon.auth;

import io.inertia.daemon.settings.SecretFiles;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import javax.crypto.SecretKey;

/**
 * Issues and verifies the daemon's HS256 JWTs with a per-daemon random 256-bit key ({@code <secrets>/jwt.key}, 0600,
 * created on first start). Claims keep the original's names: {@code session_id}, {@code user}, {@code admin}, {@code
 * expiry} (RFC 3339); user tokens also carry {@code iat} and {@code exp}. The master token ({@code user: master},
 * empty session, expiry {@code 0001-01-01T00:00:00Z}) never expires; the only way to revoke it is to replace {@code
 * jwt.key} (which also ends every session). Tokens with {@code alg: none} or another key are rejected. Thread-safe.
 */
public final class TokenService {
  /** Key length in bytes. */
  public static final int KEY_BYTES = 32;

  static final String MASTER_EXPIRY = "0001-01-01T00:00:00Z";
  private static final String MALFORMED = "failed to read token";

  private final SecretKey key;
  private final Clock clock;

  public TokenService(byte[] keyBytes, Clock clock) {
    this.key = Keys.hmacShaKeyFor(keyBytes);
    this.clock = clock;
  }

  /** Reads (or creates) the key file. */
  public static TokenService fromKeyFile(Path keyFile, Clock clock) {
    return new TokenService(SecretFiles.readOrCreate(keyFile, KEY_BYTES), clock);
  }

  /** The master token: admin, never expires, not tied to a session. */
  public String masterToken() {
    return Jwts.builder()
        .header().type("JWT").and()
        .claim("session_id", "")
        .claim("user", Principal.MASTER)
        .claim("admin", true)
        .claim("expiry", MASTER_EXPIRY)
        .signWith(key, Jwts.SIG.HS256)
        .compact();
  }

  /** A session token for {@code user} that expires at {@code expiry}. */
  public String sessionToken(String user, boolean admin, String sessionId, Instant expiry) {
    Instant now = clock.instant();
    return Jwts.builder()
        .header().type("JWT").and()
        .claim("session_id", sessionId)
        .claim("user", user)
        .claim("admin", admin)
        .claim("expiry", DateTimeFormatter.ISO_INSTANT.format(expiry))
        .issuedAt(Date.from(now))
        .expiration(Date.from(expiry))
        .signWith(key, Jwts.SIG.HS256)
        .compact();
  }

  /**
   * Verifies the signature and expiry of {@code token}.
   *
   * @throws AuthException (UNAUTHENTICATED, "failed to read token", detail) for anything but a valid token; the
   *     detail of an expired token contains "token expired", which clients look for
   */
  public TokenClaims verify(String token) {
    Claims claims;
    try {
      claims =
          Jwts.parser()
              .verifyWith(key)
              .clock(() -> Date.from(clock.instant()))
              .build()
              .parseSignedClaims(token)
              .getPayload();
    } catch (ExpiredJwtException e) {
      throw new AuthException(AuthException.Reason.UNAUTHENTICATED, MALFORMED, "token expired", null);
    } catch (JwtException | IllegalArgumentException e) {
      throw new AuthException(AuthException.Reason.UNAUTHENTICATED, MALFORMED, e.getMessage(), null);
    }
    String user = claims.get("user", String.class);
    String session = claims.get("session_id", String.class);
    Boolean admin = claims.get("admin", Boolean.class);
    String expiryText = claims.get("expiry", String.class);
    if (user == null || user.isEmpty() || expiryText == null) {
      throw new AuthException(AuthException.Reason.UNAUTHENTICATED, MALFORMED, "token claims are incomplete", null);
    }
    TokenClaims parsed = new TokenClaims(session == null ? "" : session, user, admin != null && admin, null);
    if (parsed.master()) {
      return parsed;
    }
    Instant expiry;
    try {
      expiry = Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(expiryText));
    } catch (DateTimeParseException e) {
      throw new AuthException(AuthException.Reason.UNAUTHENTICATED, MALFORMED, "token expiry is malformed", null);
    }
    if (claims.getExpiration() == null || !expiry.isAfter(clock.instant())) {
      throw new AuthException(AuthException.Reason.UNAUTHENTICATED, MALFORMED, "token expired", null);
    }
    return new TokenClaims(parsed.sessionId(), user, parsed.admin(), expiry);
  }
}
