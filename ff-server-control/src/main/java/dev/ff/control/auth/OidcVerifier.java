package dev.ff.control.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies OIDC bearer tokens (signed JWTs) with nimbus-jose-jwt: the signature is RS256 or ES256
 * by a key of the provider's JWK set (no {@code none}, no HMAC, no other algorithm), {@code iss}
 * equals the configured issuer, {@code aud} contains the configured audience, {@code exp} is in the
 * future and {@code nbf} (when present) in the past, both with the configured clock skew, measured
 * on the injected {@link Clock}. The email claim is required; a token whose {@code email_verified}
 * is {@code false} is refused.
 *
 * <p>The JWK set is fetched over HTTP(S) with a timeout, cached for {@link
 * OidcConfig#jwksCacheTtl()}, and fetched again when a token names a key id the cached set does not
 * have (key rotation), at most twice per {@link OidcConfig#jwksMinRefreshInterval()}, so tokens
 * with made-up key ids cannot make the control plane hammer the provider. Thread-safe.
 */
public final class OidcVerifier {

  private static final Logger LOG = LoggerFactory.getLogger(OidcVerifier.class);
  private static final int JWKS_SIZE_LIMIT = 512 * 1024;
  private static final int MAX_TOKEN_LENGTH = 16 * 1024;

  /**
   * An identity the provider vouches for.
   *
   * @param subject the {@code sub} claim, if any (else empty string)
   * @param email the email claim
   * @param expiresAt the token's {@code exp}
   */
  public record Identity(String subject, String email, Instant expiresAt) {}

  /** A token that does not pass; the message says why (safe to show to the caller). */
  public static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * A rejection.
     *
     * @param message why
     */
    public Rejected(String message) {
      super(message);
    }
  }

  private final OidcConfig config;
  private final DefaultJWTProcessor<SecurityContext> processor;

  /**
   * A verifier.
   *
   * @param config the issuer, audience and JWK set settings
   * @param clock the clock {@code exp} and {@code nbf} are checked against
   */
  public OidcVerifier(OidcConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    int timeout = (int) config.jwksTimeout().toMillis();
    JWKSourceBuilder<SecurityContext> keys;
    try {
      keys =
          JWKSourceBuilder.create(
              config.jwksUrl().toURL(),
              new DefaultResourceRetriever(timeout, timeout, JWKS_SIZE_LIMIT));
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("bad JWKS URL: " + config.jwksUrl(), e);
    }
    long interval = config.jwksMinRefreshInterval().toMillis();
    keys =
        keys.cache(config.jwksCacheTtl().toMillis(), timeout + 1000L)
            .refreshAheadCache(false)
            .retrying(false)
            .outageTolerant(false);
    keys = interval > 0 ? keys.rateLimited(interval) : keys.rateLimited(false);
    JWKSource<SecurityContext> source = keys.build();
    processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), source));
    ClaimsVerifier claims =
        new ClaimsVerifier(
            // nimbus asks these sets whether they contain null: immutable sets would throw.
            new HashSet<>(Set.of(config.audience())),
            new JWTClaimsSet.Builder().issuer(config.issuer()).build(),
            new HashSet<>(Set.of("exp", config.emailClaim())),
            clock);
    claims.setMaxClockSkew((int) config.clockSkew().toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
  }

  /**
   * Whether a bearer credential has the shape of a JWT (three base64url parts, the first a JSON
   * object), so that it is worth verifying rather than looking up as an opaque secret.
   *
   * @param credential the credential
   * @return true for {@code eyJ….….…}
   */
  public static boolean looksLikeJwt(String credential) {
    if (!credential.startsWith("eyJ") || credential.length() > MAX_TOKEN_LENGTH) {
      return false;
    }
    int dots = 0;
    for (int i = 0; i < credential.length(); i++) {
      char c = credential.charAt(i);
      if (c == '.') {
        dots++;
      } else if (!(c >= 'A' && c <= 'Z'
          || c >= 'a' && c <= 'z'
          || c >= '0' && c <= '9'
          || c == '-'
          || c == '_')) {
        return false;
      }
    }
    return dots == 2;
  }

  /**
   * Verifies a token.
   *
   * @param jwt the compact JWT
   * @return who it vouches for
   * @throws Rejected when it is malformed, unsigned, signed by an unknown key or another algorithm,
   *     expired, not yet valid, for another issuer or audience, or lacks a usable email
   */
  public Identity verify(String jwt) throws Rejected {
    if (jwt.length() > MAX_TOKEN_LENGTH) {
      throw new Rejected("the token is too long");
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(jwt, null);
    } catch (ParseException e) {
      throw new Rejected("the token is not a JWT");
    } catch (BadJOSEException | JOSEException e) {
      LOG.debug("OIDC token rejected: {}", e.toString());
      throw new Rejected(summary(e.getMessage()));
    } catch (RuntimeException e) {
      // nimbus signals some malformed inputs (bad JSON in a part, odd key material) unchecked.
      LOG.debug("OIDC token rejected", e);
      throw new Rejected("the token is malformed");
    }
    Object verified = claims.getClaim("email_verified");
    if (Boolean.FALSE.equals(verified) || "false".equals(verified)) {
      throw new Rejected("the token's email is not verified");
    }
    Object email = claims.getClaim(config.emailClaim());
    if (!(email instanceof String text)
        || !text.matches("^[^@\\s]+@[^@\\s]+$")
        || !AuthService.plausibleEmail(text)) {
      throw new Rejected("the token's " + config.emailClaim() + " claim is not an email address");
    }
    return new Identity(
        claims.getSubject() == null ? "" : claims.getSubject(),
        text,
        claims.getExpirationTime().toInstant());
  }

  private static String summary(String message) {
    String text = message == null ? "invalid token" : message;
    return text.length() > 200 ? text.substring(0, 200) : text;
  }

  /** nimbus' claims checks, on the injected clock. */
  private static final class ClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {
    private final Clock clock;

    ClaimsVerifier(Set<String> audience, JWTClaimsSet exact, Set<String> required, Clock clock) {
      super(audience, exact, required, null);
      this.clock = clock;
    }

    @Override
    protected Date currentTime() {
      return Date.from(clock.instant());
    }
  }
}
