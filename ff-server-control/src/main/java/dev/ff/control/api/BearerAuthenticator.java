package dev.ff.control.api;

import dev.ff.control.auth.AuthService;
import dev.ff.control.auth.OidcVerifier;
import dev.ff.control.auth.Secrets;
import dev.ff.control.tokens.TokenKind;
import dev.ff.control.tokens.TokenPrincipal;
import dev.ff.control.tokens.TokenService;
import dev.ff.server.http.Authenticator;
import dev.ff.server.http.Principal;
import dev.ff.server.http.ProblemException;
import dev.ff.server.http.Request;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <credential>} ({@link BearerCredentials}) and establishes the
 * {@link ApiPrincipal}:
 *
 * <ul>
 *   <li>the control plane's bootstrap admin token (compared in constant time): the root admin;
 *   <li>{@code ffa_…} / {@code ffs_…}: an API token ({@link TokenService#authenticate}) with its
 *       grants;
 *   <li>{@code ffu_…}: a user's session ({@link AuthService#authenticateSession});
 *   <li>a JWT, when OIDC is configured: verified by {@link OidcVerifier}, then mapped to the user
 *       with its email (no such user: an identity without roles).
 * </ul>
 *
 * <p>No header: anonymous (protected routes answer 401). A malformed header, or a credential that
 * is unknown, expired, revoked or fails verification: 401 problem. Credentials are not examined on
 * the server's probes ({@code /live}, {@code /ready}, {@code /metrics}), which run on the event
 * loop and need no principal.
 */
public final class BearerAuthenticator implements Authenticator {

  private static final Set<String> PROBES = Set.of("/live", "/ready", "/metrics");

  private final TokenService tokens;
  private final AuthService auth;
  private final Optional<OidcVerifier> oidc;
  private final String rootToken;

  /**
   * An authenticator.
   *
   * @param tokens the token service
   * @param auth sessions, users and grants
   * @param oidc the OIDC verifier; empty when OIDC is not configured
   * @param rootToken the bootstrap admin token
   */
  public BearerAuthenticator(
      TokenService tokens, AuthService auth, Optional<OidcVerifier> oidc, String rootToken) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.auth = Objects.requireNonNull(auth, "auth");
    this.oidc = Objects.requireNonNull(oidc, "oidc");
    this.rootToken = Objects.requireNonNull(rootToken, "rootToken");
  }

  @Override
  public Optional<Principal> authenticate(Request request) {
    if (request.routeTemplate() != null && PROBES.contains(request.routeTemplate())) {
      return Optional.empty();
    }
    Optional<String> header = request.header("Authorization");
    if (header.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(principal(BearerCredentials.parse(header.get())));
  }

  /**
   * The principal of a bearer credential.
   *
   * @param credential the credential
   * @return the principal
   * @throws ProblemException 401 when the credential is not valid
   */
  public ApiPrincipal principal(String credential) {
    if (Secrets.constantTimeEquals(credential, rootToken)) {
      return ApiPrincipal.root();
    }
    if (credential.startsWith(TokenKind.ADMIN.prefix())
        || credential.startsWith(TokenKind.SDK.prefix())) {
      TokenPrincipal token =
          tokens
              .authenticate(credential)
              .orElseThrow(
                  () -> ProblemException.unauthorized("The token is unknown, expired or revoked"));
      return ApiPrincipal.of(token, auth.grants(token));
    }
    if (credential.startsWith(AuthService.SESSION_PREFIX)) {
      return auth.authenticateSession(credential)
          .map(ApiPrincipal::of)
          .orElseThrow(
              () -> ProblemException.unauthorized("The session is unknown, expired or revoked"));
    }
    if (OidcVerifier.looksLikeJwt(credential)) {
      if (oidc.isEmpty()) {
        throw ProblemException.unauthorized("OIDC tokens are not accepted by this server");
      }
      OidcVerifier.Identity identity;
      try {
        identity = oidc.get().verify(credential);
      } catch (OidcVerifier.Rejected e) {
        throw ProblemException.unauthorized("The OIDC token was rejected: " + e.getMessage());
      }
      return ApiPrincipal.of(identity, auth.user(identity.email()));
    }
    throw ProblemException.unauthorized("The token is unknown, expired or revoked");
  }
}
