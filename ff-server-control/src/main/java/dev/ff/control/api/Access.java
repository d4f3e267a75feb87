package dev.ff.control.api;

import dev.ff.control.domain.Role;
import java.util.Optional;

/**
 * What a route requires, as recorded for it in the {@link AccessPolicy} table. Rules that depend on
 * roles carry the minimum {@link Role}; the scope it is needed on is the one the path addresses:
 * the environment for {@code …/environments/{env}/…}, the project for {@code
 * …/projects/{project}/…}, otherwise the organisation. A role held on a wider scope covers the
 * narrower ones (see {@link AccessPolicy}).
 */
public enum Access {
  /** Anyone, without credentials (sign-in). A presented credential must still be valid. */
  PUBLIC(Optional.empty()),
  /** Any authenticated principal (who am I, sign-out, own password). */
  AUTHENTICATED(Optional.empty()),
  /** Only the root admin (bootstrap: create and list organisations). */
  ROOT(Optional.empty()),
  /**
   * Global resources (users): the root admin, or a principal holding at least admin on a whole
   * organisation (any organisation; admin tokens of an organisation count).
   */
  ANY_ADMIN(Optional.of(Role.ADMIN)),
  /** Read a resource in the path's scope. */
  ORG_READ(Optional.of(Role.VIEWER)),
  /** Change a resource in the path's scope (flags, segments, experiments, publish…). */
  ORG_WRITE(Optional.of(Role.EDITOR)),
  /** Administer the path's scope (projects, environments, tokens, members, audit). */
  ORG_ADMIN(Optional.of(Role.ADMIN)),
  /** Archive or restore the organisation in the path. */
  ORG_OWNER(Optional.of(Role.OWNER)),
  /**
   * Read the config of the environment in the path ({@code {org}/{project}/{env}}): SDK tokens of
   * that environment, viewers of the environment and the root admin.
   */
  CONFIG(Optional.of(Role.VIEWER)),
  /**
   * Read the config of the environment whose key is {@code {envKey}}: only tokens bound to an
   * environment with that key (SDK tokens, env-scoped admin tokens).
   */
  CONFIG_BY_KEY(Optional.empty()),
  /**
   * Evaluate flags of the environment a token is bound to (the edge's routes mounted into {@code ff
   * serve}, which name the environment in the body): only tokens bound to an environment; the
   * handler checks that the named environment is the token's.
   */
  ENV_TOKEN(Optional.empty());

  private final Optional<Role> minimumRole;

  Access(Optional<Role> minimumRole) {
    this.minimumRole = minimumRole;
  }

  /**
   * The least role a principal needs on the path's scope.
   *
   * @return the role; empty when roles do not decide (public, authenticated, root only, and the
   *     token-bound config and evaluation routes)
   */
  public Optional<Role> minimumRole() {
    return minimumRole;
  }
}
