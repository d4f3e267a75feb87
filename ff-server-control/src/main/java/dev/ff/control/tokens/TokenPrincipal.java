package dev.ff.control.tokens;

import dev.ff.control.domain.Actor;
import dev.ff.control.domain.EnvRef;
import java.util.Optional;

/**
 * An authenticated token.
 *
 * @param tokenId the token id
 * @param orgId the organisation id
 * @param org the organisation key
 * @param kind admin or SDK
 * @param name the token's name
 * @param envId the environment id of an env-scoped token
 * @param env the environment keys of an env-scoped token
 */
public record TokenPrincipal(
    long tokenId,
    long orgId,
    String org,
    TokenKind kind,
    String name,
    Optional<Long> envId,
    Optional<EnvRef> env) {

  /**
   * The actor of calls made with this token.
   *
   * @return {@code token:<id>}
   */
  public Actor actor() {
    return new Actor("token:" + tokenId, Actor.Kind.TOKEN, name);
  }
}
