package dev.ff.control.auth;

import dev.ff.control.domain.Grant;
import dev.ff.control.domain.User;
import java.util.List;

/**
 * A user and the roles bound to them.
 *
 * @param user the user
 * @param grants the user's role bindings
 */
public record UserGrants(User user, List<Grant> grants) {
  /** Copies the grants. */
  public UserGrants {
    grants = List.copyOf(grants);
  }
}
