package dev.ff.control.api;

import dev.ff.control.domain.Role;
import java.util.Optional;

/**
 * What a route requires, as recorded for it in the {@link AccessPolicy} table. Organisation-scoped
 * entries carry the minimum {@link Role} a member would need, so that role bindings can plug in
 * through {@link AccessPolicy.RoleResolver} without touching handlers.
 */
public enum Access {
  /** Only the root admin (bootstrap: create and list organisations). */
  ROOT(Optional.empty()),
  /** The root admin or any admin token (global resources such as users). */
  ANY_ADMIN(Optional.of(Role.ADMIN)),
  /** Read a resource of the organisation in the path. */
  ORG_READ(Optional.of(Role.VIEWER)),
  /** Change a resource of the organisation in the path (flags, segments, publish…). */
  ORG_WRITE(Optional.of(Role.EDITOR)),
  /** Administer the organisation in the path (tokens, members, the organisation itself). */
  ORG_ADMIN(Optional.of(Role.ADMIN)),
  /**
   * Read the config of the environment in the path ({@code {org}/{project}/{env}}): SDK tokens of
   * that environment, organisation readers and the root admin.
   */
  CONFIG(Optional.of(Role.VIEWER)),
  /**
   * Read the config of the environment whose key is {@code {envKey}}: only tokens bound to an
   * environment with that key (SDK tokens, env-scoped admin tokens).
   */
  CONFIG_BY_KEY(Optional.of(Role.VIEWER)),
  /**
   * Evaluate flags of the environment a token is bound to (the edge's routes mounted into {@code ff
   * serve}, which name the environment in the body): only tokens bound to an environment; the
   * handler checks that the named environment is the token's.
   */
  ENV_TOKEN(Optional.of(Role.VIEWER));

  private final Optional<Role> minimumRole;

  Access(Optional<Role> minimumRole) {
    this.minimumRole = minimumRole;
  }

  /**
   * The least role a principal needs in the addressed scope.
   *
   * @return the role; empty when no role suffices (root only)
   */
  public Optional<Role> minimumRole() {
    return minimumRole;
  }
}
