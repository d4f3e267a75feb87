package dev.ff.control.auth;

import dev.ff.control.domain.Grant;
import dev.ff.control.domain.User;
import java.time.Instant;
import java.util.List;

/**
 * A live session of a signed-in user, with the user's grants as read when the session was
 * presented.
 *
 * @param id the session id
 * @param user the user
 * @param expiresAt when the session stops working
 * @param grants the user's role bindings
 */
public record UserSession(long id, User user, Instant expiresAt, List<Grant> grants) {
  /** Copies the grants. */
  public UserSession {
    grants = List.copyOf(grants);
  }
}
