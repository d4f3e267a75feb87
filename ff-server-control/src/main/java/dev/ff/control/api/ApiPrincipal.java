package dev.ff.control.api;

import dev.ff.control.auth.OidcVerifier;
import dev.ff.control.auth.UserGrants;
import dev.ff.control.auth.UserSession;
import dev.ff.control.domain.Actor;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.Grant;
import dev.ff.control.domain.User;
import dev.ff.control.tokens.TokenKind;
import dev.ff.control.tokens.TokenPrincipal;
import dev.ff.server.http.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who calls the API, established by {@link BearerAuthenticator}: the process's bootstrap ("root")
 * admin, an API token, a signed-in user (session), or a user vouched for by the OIDC provider.
 *
 * @param id stable id, also the rate-limit key: {@code root}, {@code token:<id>}, {@code
 *     user:<id>}, or {@code oidc:<email>} for an OIDC identity without a user
 * @param credential what was presented
 * @param user the user behind a session or an OIDC token; empty otherwise (and for OIDC identities
 *     whose email has no user)
 * @param grants the roles the principal holds (role bindings, and the implicit admin role of admin
 *     tokens on their own scope); empty for the root admin, who needs none
 */
public record ApiPrincipal(
    String id, Credential credential, Optional<User> user, List<Grant> grants)
    implements Principal {

  /** Kind of the root admin. */
  public static final String ROOT_KIND = "root-admin";

  /** Kind of admin tokens. */
  public static final String ADMIN_KIND = "admin-token";

  /** Kind of SDK tokens. */
  public static final String SDK_KIND = "sdk-token";

  /** Kind of signed-in users (session tokens). */
  public static final String SESSION_KIND = "user-session";

  /** Kind of OIDC bearer tokens. */
  public static final String OIDC_KIND = "oidc-user";

  /** What a caller presented. */
  public sealed interface Credential permits Root, Token, Session, Oidc {}

  /** The bootstrap admin token. */
  public record Root() implements Credential {}

  /**
   * An API token.
   *
   * @param token the authenticated token
   */
  public record Token(TokenPrincipal token) implements Credential {}

  /**
   * A session token of a signed-in user.
   *
   * @param sessionId the session
   * @param expiresAt when it stops working
   */
  public record Session(long sessionId, Instant expiresAt) implements Credential {}

  /**
   * An OIDC bearer token.
   *
   * @param identity what the provider vouches for
   */
  public record Oidc(OidcVerifier.Identity identity) implements Credential {}

  /** Checks and copies the members. */
  public ApiPrincipal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(user, "user");
    grants = List.copyOf(grants);
  }

  /**
   * The root admin, who may do everything (it holds the control plane's configured admin token).
   *
   * @return the principal
   */
  public static ApiPrincipal root() {
    return new ApiPrincipal("root", new Root(), Optional.empty(), List.of());
  }

  /**
   * A token principal.
   *
   * @param token the authenticated token
   * @param grants its grants
   * @return the principal
   */
  public static ApiPrincipal of(TokenPrincipal token, List<Grant> grants) {
    return new ApiPrincipal("token:" + token.tokenId(), new Token(token), Optional.empty(), grants);
  }

  /**
   * A signed-in user.
   *
   * @param session the live session
   * @return the principal
   */
  public static ApiPrincipal of(UserSession session) {
    return new ApiPrincipal(
        "user:" + session.user().meta().id(),
        new Session(session.id(), session.expiresAt()),
        Optional.of(session.user()),
        session.grants());
  }

  /**
   * A user vouched for by the OIDC provider. An email without a user gives a principal without
   * grants (refused on every route that needs a role).
   *
   * @param identity the verified identity
   * @param user the user with that email, if any
   * @return the principal
   */
  public static ApiPrincipal of(OidcVerifier.Identity identity, Optional<UserGrants> user) {
    return user.map(
            u ->
                new ApiPrincipal(
                    "user:" + u.user().meta().id(),
                    new Oidc(identity),
                    Optional.of(u.user()),
                    u.grants()))
        .orElseGet(
            () ->
                new ApiPrincipal(
                    "oidc:" + identity.email().toLowerCase(Locale.ROOT),
                    new Oidc(identity),
                    Optional.empty(),
                    List.of()));
  }

  @Override
  public String kind() {
    if (credential instanceof Token t) {
      return t.token().kind() == TokenKind.ADMIN ? ADMIN_KIND : SDK_KIND;
    }
    if (credential instanceof Session) {
      return SESSION_KIND;
    }
    return credential instanceof Oidc ? OIDC_KIND : ROOT_KIND;
  }

  @Override
  public Map<String, Object> attributes() {
    Map<String, Object> attributes = new LinkedHashMap<>();
    token()
        .ifPresent(
            t -> {
              attributes.put("org", t.org());
              t.env().ifPresent(env -> attributes.put("env", env));
            });
    user.ifPresent(u -> attributes.put("email", u.email()));
    return Map.copyOf(attributes);
  }

  /**
   * Whether this is the root admin.
   *
   * @return true for the root admin
   */
  public boolean isRoot() {
    return credential instanceof Root;
  }

  /**
   * Whether this is an admin token (not the root admin).
   *
   * @return true for admin tokens
   */
  public boolean isAdminToken() {
    return token().filter(t -> t.kind() == TokenKind.ADMIN).isPresent();
  }

  /**
   * Whether this is an SDK token.
   *
   * @return true for SDK tokens
   */
  public boolean isSdkToken() {
    return token().filter(t -> t.kind() == TokenKind.SDK).isPresent();
  }

  /**
   * The API token, for token principals.
   *
   * @return the token; empty for the root admin and users
   */
  public Optional<TokenPrincipal> token() {
    return credential instanceof Token t ? Optional.of(t.token()) : Optional.empty();
  }

  /**
   * The session, for signed-in users.
   *
   * @return the session id; empty for every other credential
   */
  public Optional<Long> sessionId() {
    return credential instanceof Session s ? Optional.of(s.sessionId()) : Optional.empty();
  }

  /**
   * The organisation of a token.
   *
   * @return the organisation key; empty for the root admin and users
   */
  public Optional<String> org() {
    return token().map(TokenPrincipal::org);
  }

  /**
   * The environment an env-scoped token is bound to.
   *
   * @return the environment; empty for the root admin, users and org-wide tokens
   */
  public Optional<EnvRef> env() {
    return token().flatMap(TokenPrincipal::env);
  }

  /**
   * The actor recorded by the services (and in the audit log) for a request of this principal.
   *
   * @param correlationId the request's correlation id
   * @return the actor
   */
  public Actor actor(String correlationId) {
    Actor actor;
    if (credential instanceof Token t) {
      actor = t.token().actor();
    } else if (user.isPresent()) {
      User u = user.get();
      actor = new Actor("user:" + u.meta().id(), Actor.Kind.USER, u.email());
    } else if (credential instanceof Oidc o) {
      actor = new Actor(id, Actor.Kind.USER, o.identity().email());
    } else {
      actor = new Actor("admin:root", Actor.Kind.TOKEN, "root admin");
    }
    return actor.withCorrelationId(correlationId);
  }
}
