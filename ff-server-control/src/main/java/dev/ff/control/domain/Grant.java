package dev.ff.control.domain;

import java.util.Objects;

/**
 * A role held on a scope: what one role binding (or the implicit binding of an admin token) gives
 * its subject.
 *
 * @param scope where the role applies (and everything inside it)
 * @param role the role
 */
public record Grant(Scope scope, Role role) {
  /** Both members are required. */
  public Grant {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(role, "role");
  }

  @Override
  public String toString() {
    return role.wire() + " on " + scope;
  }
}
