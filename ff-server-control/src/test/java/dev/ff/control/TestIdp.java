package dev.ff.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.ff.control.auth.OidcConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small OIDC identity provider for tests: a real HTTP server (the JDK's) on 127.0.0.1 that
 * publishes a JWK set at {@code /jwks.json}, counts how often it is fetched, and signs tokens with
 * its keys (RS256 and ES256). Keys can be added (rotation) while it runs.
 */
public final class TestIdp implements AutoCloseable {

  /** The issuer of its tokens. */
  public static final String ISSUER = "https://idp.test.example";

  /** The audience of its tokens. */
  public static final String AUDIENCE = "ff-control-plane";

  private final HttpServer http;
  private final List<JWK> keys = new CopyOnWriteArrayList<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private final AtomicInteger kids = new AtomicInteger();
  private final RSAKey rsa;
  private final ECKey ec;

  public TestIdp() {
    rsa = newRsaKey();
    ec = newEcKey();
    keys.add(rsa);
    keys.add(ec);
    try {
      http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    http.createContext(
        "/jwks.json",
        exchange -> {
          fetches.incrementAndGet();
          byte[] body =
              new JWKSet(List.copyOf(keys))
                  .toPublicJWKSet()
                  .toString()
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    http.start();
  }

  /** The OIDC settings that trust this provider (refreshes not rate limited unless told). */
  public OidcConfig config() {
    return OidcConfig.of(ISSUER, AUDIENCE, jwksUrl()).withJwksMinRefreshInterval(Duration.ZERO);
  }

  public URI jwksUrl() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/jwks.json");
  }

  /** How many times the JWK set was fetched. */
  public int fetches() {
    return fetches.get();
  }

  public RSAKey rsa() {
    return rsa;
  }

  public ECKey ec() {
    return ec;
  }

  /** A new RSA key, not yet published. */
  public RSAKey newRsaKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("rsa-" + kids.incrementAndGet()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new P-256 key, not yet published. */
  public ECKey newEcKey() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID("ec-" + kids.incrementAndGet()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Publishes a key (rotation: the provider starts signing with a key of a new id). */
  public void publish(JWK key) {
    keys.add(key);
  }

  /** Claims of a valid token for an email: right issuer and audience, valid for ten minutes. */
  public static JWTClaimsSet.Builder claims(String email) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject("sub-" + email)
        .claim("email", email)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now.minusSeconds(5)))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
  }

  /** A valid RS256 token for an email. */
  public String token(String email) {
    return sign(rsa, claims(email).build());
  }

  /** Signs claims with a key (RS256 for RSA keys, ES256 for EC keys), naming the key's id. */
  public static String sign(JWK key, JWTClaimsSet claims) {
    try {
      JWSSigner signer;
      JWSAlgorithm alg;
      if (key instanceof RSAKey r) {
        signer = new RSASSASigner(r);
        alg = JWSAlgorithm.RS256;
      } else {
        signer = new ECDSASigner((ECKey) key);
        alg = JWSAlgorithm.ES256;
      }
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
              claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
