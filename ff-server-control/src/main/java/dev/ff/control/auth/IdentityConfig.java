package dev.ff.control.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of user sign-in: password hashing, sessions, lockout and OIDC bearer tokens. Start from
 * {@link #defaults()} or {@link #fromEnvironment(Map)}.
 *
 * @param bcryptCost the bcrypt cost (log2 rounds) of new password hashes ({@code FF_BCRYPT_COST},
 *     default 12, 4 to 31)
 * @param sessionTtl how long a session token lives ({@code FF_SESSION_TTL_SECONDS}, default 12 h)
 * @param maxFailedLogins consecutive failed sign-ins that lock an account ({@code
 *     FF_LOGIN_MAX_FAILURES}, default 5)
 * @param lockout how long a locked account refuses sign-ins ({@code FF_LOGIN_LOCKOUT_SECONDS},
 *     default 15 min)
 * @param loginsPerMinute sign-in attempts accepted per minute from one client address, in bursts of
 *     at most as many ({@code FF_LOGIN_RATE_PER_MINUTE}, default 30); more get 429 before the
 *     password is even checked, whichever accounts they try (the lockout protects each account,
 *     this limit the server against password spraying)
 * @param oidc OIDC bearer tokens; empty when {@code FF_OIDC_ISSUER}, {@code FF_OIDC_AUDIENCE} and
 *     {@code FF_OIDC_JWKS_URL} are unset
 */
public record IdentityConfig(
    int bcryptCost,
    Duration sessionTtl,
    int maxFailedLogins,
    Duration lockout,
    int loginsPerMinute,
    Optional<OidcConfig> oidc) {

  /** Checks the members. */
  public IdentityConfig {
    Objects.requireNonNull(sessionTtl, "sessionTtl");
    Objects.requireNonNull(lockout, "lockout");
    Objects.requireNonNull(oidc, "oidc");
    if (bcryptCost < 4 || bcryptCost > 31) {
      throw new IllegalArgumentException("FF_BCRYPT_COST must be between 4 and 31: " + bcryptCost);
    }
    if (sessionTtl.toSeconds() < 60) {
      throw new IllegalArgumentException("FF_SESSION_TTL_SECONDS must be at least 60");
    }
    if (maxFailedLogins < 1) {
      throw new IllegalArgumentException("FF_LOGIN_MAX_FAILURES must be at least 1");
    }
    if (lockout.isNegative() || lockout.isZero()) {
      throw new IllegalArgumentException("FF_LOGIN_LOCKOUT_SECONDS must be positive");
    }
    if (loginsPerMinute < 1) {
      throw new IllegalArgumentException("FF_LOGIN_RATE_PER_MINUTE must be at least 1");
    }
  }

  /**
   * The defaults: bcrypt cost 12, 12-hour sessions, lock for 15 minutes after 5 failures, 30
   * sign-in attempts per minute per client address, no OIDC.
   *
   * @return the defaults
   */
  public static IdentityConfig defaults() {
    return new IdentityConfig(
        12, Duration.ofHours(12), 5, Duration.ofMinutes(15), 30, Optional.empty());
  }

  /**
   * The defaults overridden by {@code FF_*} variables (see the member descriptions and {@link
   * OidcConfig}).
   *
   * @param env the environment, e.g. {@code System.getenv()}
   * @return the settings
   * @throws IllegalArgumentException on a malformed number, an incomplete OIDC setting or a JWKS
   *     URL that is not http(s)
   */
  public static IdentityConfig fromEnvironment(Map<String, String> env) {
    IdentityConfig d = defaults();
    Optional<String> issuer = text(env, "FF_OIDC_ISSUER");
    Optional<String> audience = text(env, "FF_OIDC_AUDIENCE");
    Optional<String> jwks = text(env, "FF_OIDC_JWKS_URL");
    Optional<OidcConfig> oidc = Optional.empty();
    if (issuer.isPresent() || audience.isPresent() || jwks.isPresent()) {
      if (issuer.isEmpty() || audience.isEmpty() || jwks.isEmpty()) {
        throw new IllegalArgumentException(
            "OIDC needs all of FF_OIDC_ISSUER, FF_OIDC_AUDIENCE and FF_OIDC_JWKS_URL");
      }
      OidcConfig o = OidcConfig.of(issuer.get(), audience.get(), uri(jwks.get()));
      oidc =
          Optional.of(
              new OidcConfig(
                  o.issuer(),
                  o.audience(),
                  o.jwksUrl(),
                  text(env, "FF_OIDC_EMAIL_CLAIM").orElse(o.emailClaim()),
                  seconds(env, "FF_OIDC_CLOCK_SKEW_SECONDS", o.clockSkew()),
                  Duration.ofMillis(
                      integer(env, "FF_OIDC_JWKS_TIMEOUT_MS", (int) o.jwksTimeout().toMillis())),
                  seconds(env, "FF_OIDC_JWKS_CACHE_SECONDS", o.jwksCacheTtl()),
                  seconds(env, "FF_OIDC_JWKS_MIN_REFRESH_SECONDS", o.jwksMinRefreshInterval())));
    }
    return new IdentityConfig(
        integer(env, "FF_BCRYPT_COST", d.bcryptCost()),
        seconds(env, "FF_SESSION_TTL_SECONDS", d.sessionTtl()),
        integer(env, "FF_LOGIN_MAX_FAILURES", d.maxFailedLogins()),
        seconds(env, "FF_LOGIN_LOCKOUT_SECONDS", d.lockout()),
        integer(env, "FF_LOGIN_RATE_PER_MINUTE", d.loginsPerMinute()),
        oidc);
  }

  /**
   * Copy with another bcrypt cost (tests use the minimum, 4).
   *
   * @param value the cost
   * @return the copy
   */
  public IdentityConfig withBcryptCost(int value) {
    return new IdentityConfig(value, sessionTtl, maxFailedLogins, lockout, loginsPerMinute, oidc);
  }

  /**
   * Copy with another session lifetime.
   *
   * @param value the lifetime
   * @return the copy
   */
  public IdentityConfig withSessionTtl(Duration value) {
    return new IdentityConfig(bcryptCost, value, maxFailedLogins, lockout, loginsPerMinute, oidc);
  }

  /**
   * Copy with another lockout rule.
   *
   * @param failures consecutive failures that lock an account
   * @param duration how long it stays locked
   * @return the copy
   */
  public IdentityConfig withLockout(int failures, Duration duration) {
    return new IdentityConfig(bcryptCost, sessionTtl, failures, duration, loginsPerMinute, oidc);
  }

  /**
   * Copy with another sign-in rate limit.
   *
   * @param value attempts per minute per client address
   * @return the copy
   */
  public IdentityConfig withLoginsPerMinute(int value) {
    return new IdentityConfig(bcryptCost, sessionTtl, maxFailedLogins, lockout, value, oidc);
  }

  /**
   * Copy that accepts OIDC bearer tokens.
   *
   * @param value the OIDC settings
   * @return the copy
   */
  public IdentityConfig withOidc(OidcConfig value) {
    return new IdentityConfig(
        bcryptCost, sessionTtl, maxFailedLogins, lockout, loginsPerMinute, Optional.of(value));
  }

  private static URI uri(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("FF_OIDC_JWKS_URL is not a URL: " + text, e);
    }
  }

  private static Optional<String> text(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  private static Duration seconds(Map<String, String> env, String name, Duration fallback) {
    return Duration.ofSeconds(integer(env, name, (int) fallback.toSeconds()));
  }

  private static int integer(Map<String, String> env, String name, int fallback) {
    Optional<String> value = text(env, name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.get());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer: " + value.get(), e);
    }
  }
}
