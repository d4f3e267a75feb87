package dev.ff.control.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of OIDC bearer tokens (JWTs issued by an identity provider): who issues them, for whom,
 * where the provider publishes its signing keys, and how those keys are fetched and cached.
 *
 * @param issuer the exact {@code iss} ({@code FF_OIDC_ISSUER})
 * @param audience a value {@code aud} must contain ({@code FF_OIDC_AUDIENCE})
 * @param jwksUrl the provider's JWK set, {@code http} or {@code https} ({@code FF_OIDC_JWKS_URL})
 * @param emailClaim the claim holding the user's email ({@code FF_OIDC_EMAIL_CLAIM}, default {@code
 *     email})
 * @param clockSkew tolerance on {@code exp} and {@code nbf} ({@code FF_OIDC_CLOCK_SKEW_SECONDS},
 *     default 60 s)
 * @param jwksTimeout connect and read timeout of a JWK set fetch ({@code FF_OIDC_JWKS_TIMEOUT_MS},
 *     default 5 s)
 * @param jwksCacheTtl how long a fetched JWK set is used before it is fetched again ({@code
 *     FF_OIDC_JWKS_CACHE_SECONDS}, default 300 s)
 * @param jwksMinRefreshInterval the JWK set is fetched at most twice per interval, however many
 *     tokens name an unknown key ({@code FF_OIDC_JWKS_MIN_REFRESH_SECONDS}, default 30 s)
 */
public record OidcConfig(
    String issuer,
    String audience,
    URI jwksUrl,
    String emailClaim,
    Duration clockSkew,
    Duration jwksTimeout,
    Duration jwksCacheTtl,
    Duration jwksMinRefreshInterval) {

  /** Default claim holding the email. */
  public static final String DEFAULT_EMAIL_CLAIM = "email";

  /** Checks the members. */
  public OidcConfig {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(jwksUrl, "jwksUrl");
    Objects.requireNonNull(emailClaim, "emailClaim");
    Objects.requireNonNull(clockSkew, "clockSkew");
    Objects.requireNonNull(jwksTimeout, "jwksTimeout");
    Objects.requireNonNull(jwksCacheTtl, "jwksCacheTtl");
    Objects.requireNonNull(jwksMinRefreshInterval, "jwksMinRefreshInterval");
    if (issuer.isBlank() || audience.isBlank() || emailClaim.isBlank()) {
      throw new IllegalArgumentException("OIDC issuer, audience and email claim must not be blank");
    }
    String scheme = jwksUrl.getScheme() == null ? "" : jwksUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || jwksUrl.getHost() == null) {
      throw new IllegalArgumentException("FF_OIDC_JWKS_URL must be an http(s) URL: " + jwksUrl);
    }
    if (clockSkew.isNegative() || clockSkew.toSeconds() > 600) {
      throw new IllegalArgumentException("the OIDC clock skew must be between 0 and 600 seconds");
    }
    if (jwksTimeout.toMillis() < 1 || jwksTimeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the JWKS timeout must be positive");
    }
    if (jwksCacheTtl.toMillis() < 1000) {
      throw new IllegalArgumentException("the JWKS cache time must be at least one second");
    }
    if (jwksMinRefreshInterval.isNegative()
        || jwksMinRefreshInterval.compareTo(jwksCacheTtl) >= 0) {
      throw new IllegalArgumentException(
          "FF_OIDC_JWKS_MIN_REFRESH_SECONDS must be at least 0 and less than"
              + " FF_OIDC_JWKS_CACHE_SECONDS");
    }
  }

  /**
   * Settings with the defaults for everything but the three required values.
   *
   * @param issuer the exact {@code iss}
   * @param audience a value {@code aud} must contain
   * @param jwksUrl the provider's JWK set
   * @return the settings
   */
  public static OidcConfig of(String issuer, String audience, URI jwksUrl) {
    return new OidcConfig(
        issuer,
        audience,
        jwksUrl,
        DEFAULT_EMAIL_CLAIM,
        Duration.ofSeconds(60),
        Duration.ofSeconds(5),
        Duration.ofMinutes(5),
        Duration.ofSeconds(30));
  }

  /**
   * Copy with another minimum interval between JWK set refreshes.
   *
   * @param value the interval
   * @return the copy
   */
  public OidcConfig withJwksMinRefreshInterval(Duration value) {
    return new OidcConfig(
        issuer, audience, jwksUrl, emailClaim, clockSkew, jwksTimeout, jwksCacheTtl, value);
  }

  /**
   * Copy with another JWK set cache lifetime.
   *
   * @param value how long a fetched set is used
   * @return the copy
   */
  public OidcConfig withJwksCacheTtl(Duration value) {
    return new OidcConfig(
        issuer,
        audience,
        jwksUrl,
        emailClaim,
        clockSkew,
        jwksTimeout,
        value,
        jwksMinRefreshInterval);
  }

  /**
   * Copy with another email claim.
   *
   * @param value the claim name
   * @return the copy
   */
  public OidcConfig withEmailClaim(String value) {
    return new OidcConfig(
        issuer,
        audience,
        jwksUrl,
        value,
        clockSkew,
        jwksTimeout,
        jwksCacheTtl,
        jwksMinRefreshInterval);
  }
}
