package dev.ff.control.domain;

/**
 * The caller may call the route but not do this particular thing, which depends on the request body
 * or on the resource (an admin granting ownership, resetting the password of a user with more
 * authority). HTTP 403.
 */
public final class Forbidden extends DomainException {
  private static final long serialVersionUID = 1L;

  /**
   * A refusal.
   *
   * @param message what the caller lacks
   */
  public Forbidden(String message) {
    super(message);
  }
}
