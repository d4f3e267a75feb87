package dev.ff.control.api;

import dev.ff.control.domain.Actor;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.tokens.TokenKind;
import dev.ff.control.tokens.TokenPrincipal;
import dev.ff.server.http.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who calls the API: the process's bootstrap ("root") admin, or an API token of an organisation.
 *
 * @param id stable id ({@code root} or {@code token:<id>}), also the rate-limit key
 * @param token the authenticated token; empty for the root admin
 */
public record ApiPrincipal(String id, Optional<TokenPrincipal> token) implements Principal {

  /** Kind of the root admin. */
  public static final String ROOT_KIND = "root-admin";

  /** Kind of organisation admin tokens. */
  public static final String ADMIN_KIND = "admin-token";

  /** Kind of SDK tokens. */
  public static final String SDK_KIND = "sdk-token";

  /**
   * The root admin, who may do everything (it holds the control plane's configured admin token).
   *
   * @return the principal
   */
  public static ApiPrincipal root() {
    return new ApiPrincipal("root", Optional.empty());
  }

  /**
   * A token principal.
   *
   * @param token the authenticated token
   * @return the principal
   */
  public static ApiPrincipal of(TokenPrincipal token) {
    return new ApiPrincipal("token:" + token.tokenId(), Optional.of(token));
  }

  @Override
  public String kind() {
    if (token.isEmpty()) {
      return ROOT_KIND;
    }
    return token.get().kind() == TokenKind.ADMIN ? ADMIN_KIND : SDK_KIND;
  }

  @Override
  public Map<String, Object> attributes() {
    Map<String, Object> attributes = new LinkedHashMap<>();
    token.ifPresent(
        t -> {
          attributes.put("org", t.org());
          t.env().ifPresent(env -> attributes.put("env", env));
        });
    return Map.copyOf(attributes);
  }

  /**
   * Whether this is the root admin.
   *
   * @return true for the root admin
   */
  public boolean isRoot() {
    return token.isEmpty();
  }

  /**
   * Whether this is an admin token (not the root admin).
   *
   * @return true for admin tokens
   */
  public boolean isAdminToken() {
    return token.filter(t -> t.kind() == TokenKind.ADMIN).isPresent();
  }

  /**
   * Whether this is an SDK token.
   *
   * @return true for SDK tokens
   */
  public boolean isSdkToken() {
    return token.filter(t -> t.kind() == TokenKind.SDK).isPresent();
  }

  /**
   * The organisation of a token.
   *
   * @return the organisation key; empty for the root admin
   */
  public Optional<String> org() {
    return token.map(TokenPrincipal::org);
  }

  /**
   * The environment an env-scoped token is bound to.
   *
   * @return the environment; empty for the root admin and org-wide tokens
   */
  public Optional<EnvRef> env() {
    return token.flatMap(TokenPrincipal::env);
  }

  /**
   * The actor recorded by the services (and in the audit log) for a request of this principal.
   *
   * @param correlationId the request's correlation id
   * @return the actor
   */
  public Actor actor(String correlationId) {
    Actor actor =
        token
            .map(TokenPrincipal::actor)
            .orElseGet(() -> new Actor("admin:root", Actor.Kind.TOKEN, "root admin"));
    return actor.withCorrelationId(correlationId);
  }
}
