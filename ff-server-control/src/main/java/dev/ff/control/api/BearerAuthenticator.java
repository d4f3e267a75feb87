package dev.ff.control.api;

import dev.ff.control.tokens.TokenService;
import dev.ff.server.http.Authenticator;
import dev.ff.server.http.Principal;
import dev.ff.server.http.ProblemException;
import dev.ff.server.http.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Reads {@code Authorization: Bearer <secret>}: the control plane's bootstrap admin token gives the
 * {@link ApiPrincipal#root() root} principal, any other secret is checked with {@link
 * TokenService#authenticate}. No header: anonymous (protected routes answer 401). A malformed
 * header or an unknown, expired or revoked secret: 401 problem.
 */
public final class BearerAuthenticator implements Authenticator {

  private static final String PREFIX = "bearer ";

  private final TokenService tokens;
  private final byte[] rootToken;

  /**
   * An authenticator.
   *
   * @param tokens the token service
   * @param rootToken the bootstrap admin token
   */
  public BearerAuthenticator(TokenService tokens, String rootToken) {
    this.tokens = tokens;
    this.rootToken = rootToken.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Optional<Principal> authenticate(Request request) {
    Optional<String> header = request.header("Authorization");
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get().trim();
    if (value.length() <= PREFIX.length()
        || !value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      throw ProblemException.unauthorized("Expected 'Authorization: Bearer <token>'");
    }
    String secret = value.substring(PREFIX.length()).trim();
    if (MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), rootToken)) {
      return Optional.of(ApiPrincipal.root());
    }
    return Optional.of(
        tokens
            .authenticate(secret)
            .map(ApiPrincipal::of)
            .orElseThrow(
                () -> ProblemException.unauthorized("The token is unknown, expired or revoked")));
  }
}
