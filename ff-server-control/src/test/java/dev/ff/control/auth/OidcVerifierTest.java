package dev.ff.control.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.ff.control.MutableClock;
import dev.ff.control.TestIdp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OIDC bearer tokens against a real JWKS endpoint ({@link TestIdp}): what is refused, what is
 * accepted, key rotation, the refresh rate limit, the fetch timeout, and time from the injected
 * clock.
 */
class OidcVerifierTest {

  private static TestIdp idp;
  private static OidcVerifier verifier;

  @BeforeAll
  static void start() {
    idp = new TestIdp();
    verifier = new OidcVerifier(idp.config(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    idp.close();
  }

  private static JWTClaimsSet.Builder claims() {
    return TestIdp.claims("alice@example.com");
  }

  private static void rejected(String token, String reason) {
    assertThatThrownBy(() -> verifier.verify(token))
        .as(reason)
        .isInstanceOf(OidcVerifier.Rejected.class);
  }

  @Test
  void validRs256AndEs256Tokens_areAccepted() throws Exception {
    OidcVerifier.Identity rs = verifier.verify(idp.token("alice@example.com"));
    assertThat(rs.email()).isEqualTo("alice@example.com");
    assertThat(rs.subject()).isEqualTo("sub-alice@example.com");
    OidcVerifier.Identity es = verifier.verify(TestIdp.sign(idp.ec(), claims().build()));
    assertThat(es.email()).isEqualTo("alice@example.com");
    assertThat(OidcVerifier.looksLikeJwt(idp.token("a@b.c"))).isTrue();
    assertThat(OidcVerifier.looksLikeJwt("ffa_abc")).isFalse();
  }

  @Test
  void expiredAndNotYetValidTokens_areRefused_withinTheClockSkew() throws Exception {
    Instant now = Instant.now();
    rejected(
        TestIdp.sign(idp.rsa(), claims().expirationTime(Date.from(now.minusSeconds(120))).build()),
        "expired beyond the 60 s skew");
    rejected(
        TestIdp.sign(idp.rsa(), claims().notBeforeTime(Date.from(now.plusSeconds(120))).build()),
        "not valid before two minutes from now");
    assertThat(
            verifier.verify(
                TestIdp.sign(
                    idp.rsa(), claims().expirationTime(Date.from(now.minusSeconds(30))).build())))
        .as("expired 30 s ago, within the skew")
        .isNotNull();
    rejected(TestIdp.sign(idp.rsa(), claims().expirationTime(null).build()), "no exp");
  }

  @Test
  void timeComesFromTheInjectedClock() throws Exception {
    MutableClock clock = new MutableClock(Instant.now());
    OidcVerifier onClock = new OidcVerifier(idp.config(), clock);
    String token = idp.token("alice@example.com");
    assertThat(onClock.verify(token).email()).isEqualTo("alice@example.com");
    clock.advance(Duration.ofMinutes(12));
    assertThatThrownBy(() -> onClock.verify(token)).isInstanceOf(OidcVerifier.Rejected.class);
  }

  @Test
  void tamperedTokens_wrongIssuerOrAudience_unknownKeys_andOtherAlgorithms_areRefused()
      throws Exception {
    String token = idp.token("alice@example.com");
    String[] parts = token.split("\\.");
    char last = parts[2].charAt(10);
    String badSignature =
        parts[0]
            + "."
            + parts[1]
            + "."
            + parts[2].substring(0, 10)
            + (last == 'A' ? 'B' : 'A')
            + parts[2].substring(11);
    rejected(badSignature, "tampered signature");
    String otherPayload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                claims()
                    .claim("email", "mallory@example.com")
                    .build()
                    .toString()
                    .getBytes(StandardCharsets.UTF_8));
    rejected(parts[0] + "." + otherPayload + "." + parts[2], "payload swapped under a signature");
    rejected(TestIdp.sign(idp.rsa(), claims().issuer("https://evil.example").build()), "issuer");
    rejected(TestIdp.sign(idp.rsa(), claims().audience("another-app").build()), "audience");
    rejected(TestIdp.sign(idp.newRsaKey(), claims().build()), "unpublished key id");
    RSAKey sameIdOtherKey =
        new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID(idp.rsa().getKeyID()).generate();
    rejected(TestIdp.sign(sameIdOtherKey, claims().build()), "published key id, other key");
    rejected(new PlainJWT(new PlainHeader(), claims().build()).serialize(), "alg none");
    SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
    hmac.sign(
        new MACSigner("a shared secret of at least 256 bits!!".getBytes(StandardCharsets.UTF_8)));
    rejected(hmac.serialize(), "HS256");
    rejected("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln", "not JSON");
    rejected("eyJ.e.e", "garbage in JWT shape");
  }

  @Test
  void theEmailClaim_isRequired_andMustBeVerifiedAndWellFormed() {
    rejected(TestIdp.sign(idp.rsa(), claims().claim("email", null).build()), "no email");
    rejected(
        TestIdp.sign(idp.rsa(), claims().claim("email_verified", false).build()), "unverified");
    rejected(TestIdp.sign(idp.rsa(), claims().claim("email", "not-an-email").build()), "malformed");
    rejected(
        TestIdp.sign(idp.rsa(), claims().claim("email", "nul\u0000@example.com").build()),
        "control character");
    OidcVerifier upn = new OidcVerifier(idp.config().withEmailClaim("upn"), Clock.systemUTC());
    assertThatThrownBy(() -> upn.verify(idp.token("alice@example.com")))
        .isInstanceOf(OidcVerifier.Rejected.class);
  }

  @Test
  void rotation_aNewKeyIdIsPickedUp_andRefreshesAreRateLimited() throws OidcVerifier.Rejected {
    try (TestIdp own = new TestIdp()) {
      OidcVerifier limited =
          new OidcVerifier(
              own.config()
                  .withJwksCacheTtl(Duration.ofHours(2))
                  .withJwksMinRefreshInterval(Duration.ofHours(1)),
              Clock.systemUTC());
      limited.verify(own.token("alice@example.com"));
      limited.verify(own.token("alice@example.com"));
      assertThat(own.fetches()).as("cached").isEqualTo(1);
      RSAKey rotated = own.newRsaKey();
      own.publish(rotated);
      assertThat(limited.verify(TestIdp.sign(rotated, claims().build())).email())
          .as("a token signed with the new key id")
          .isEqualTo("alice@example.com");
      assertThat(own.fetches()).as("refetched once on the unknown key id").isEqualTo(2);
      // Within the interval no more fetches: made-up key ids cannot hammer the provider, and a
      // second rotation is only seen after the interval (or the cache lifetime).
      for (int i = 0; i < 5; i++) {
        RSAKey bogus = own.newRsaKey();
        assertThatThrownBy(() -> limited.verify(TestIdp.sign(bogus, claims().build())))
            .isInstanceOf(OidcVerifier.Rejected.class);
      }
      RSAKey again = own.newRsaKey();
      own.publish(again);
      assertThatThrownBy(() -> limited.verify(TestIdp.sign(again, claims().build())))
          .isInstanceOf(OidcVerifier.Rejected.class);
      assertThat(own.fetches()).isEqualTo(2);
      assertThat(limited.verify(own.token("bob@example.com")).email()).isEqualTo("bob@example.com");
    }
  }

  @Test
  void anUnansweringJwksEndpoint_failsWithinTheTimeout() throws IOException, JOSEException {
    CountDownLatch release = new CountDownLatch(1);
    HttpServer stuck = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stuck.createContext(
        "/jwks.json",
        exchange -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    stuck.start();
    try {
      URI url = URI.create("http://127.0.0.1:" + stuck.getAddress().getPort() + "/jwks.json");
      OidcConfig base = OidcConfig.of(TestIdp.ISSUER, TestIdp.AUDIENCE, url);
      OidcVerifier slow =
          new OidcVerifier(
              new OidcConfig(
                  base.issuer(),
                  base.audience(),
                  base.jwksUrl(),
                  base.emailClaim(),
                  base.clockSkew(),
                  Duration.ofMillis(300),
                  base.jwksCacheTtl(),
                  Duration.ZERO),
              Clock.systemUTC());
      String token = idp.token("alice@example.com");
      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () ->
              assertThatThrownBy(() -> slow.verify(token))
                  .isInstanceOf(OidcVerifier.Rejected.class));
    } finally {
      release.countDown();
      stuck.stop(0);
    }
  }

  @Test
  void configuration_isCheckedUpFront() {
    URI url = URI.create("https://idp.example/jwks");
    assertThatThrownBy(() -> OidcConfig.of("", "aud", url))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OidcConfig.of("iss", "aud", URI.create("file:///etc/passwd")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                IdentityConfig.fromEnvironment(
                    java.util.Map.of("FF_OIDC_ISSUER", "https://idp.example")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FF_OIDC_AUDIENCE");
    IdentityConfig config =
        IdentityConfig.fromEnvironment(
            java.util.Map.of(
                "FF_OIDC_ISSUER", "https://idp.example",
                "FF_OIDC_AUDIENCE", "ff",
                "FF_OIDC_JWKS_URL", "https://idp.example/jwks",
                "FF_OIDC_EMAIL_CLAIM", "upn",
                "FF_OIDC_CLOCK_SKEW_SECONDS", "30",
                "FF_BCRYPT_COST", "10",
                "FF_SESSION_TTL_SECONDS", "3600",
                "FF_LOGIN_MAX_FAILURES", "3",
                "FF_LOGIN_LOCKOUT_SECONDS", "60"));
    assertThat(config.bcryptCost()).isEqualTo(10);
    assertThat(config.sessionTtl()).isEqualTo(Duration.ofHours(1));
    assertThat(config.maxFailedLogins()).isEqualTo(3);
    assertThat(config.lockout()).isEqualTo(Duration.ofMinutes(1));
    OidcConfig oidc = config.oidc().orElseThrow();
    assertThat(oidc.emailClaim()).isEqualTo("upn");
    assertThat(oidc.clockSkew()).isEqualTo(Duration.ofSeconds(30));
    assertThat(oidc.jwksMinRefreshInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(IdentityConfig.fromEnvironment(java.util.Map.of()).oidc()).isEmpty();
    assertThatThrownBy(
            () ->
                OidcConfig.of("iss", "aud", url).withJwksMinRefreshInterval(Duration.ofMinutes(10)))
        .as("refresh interval not below the cache lifetime")
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(IdentityConfig.defaults().bcryptCost()).isEqualTo(12);
    assertThatThrownBy(
            () -> IdentityConfig.fromEnvironment(java.util.Map.of("FF_BCRYPT_COST", "3")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> IdentityConfig.fromEnvironment(java.util.Map.of("FF_LOGIN_MAX_FAILURES", "x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
