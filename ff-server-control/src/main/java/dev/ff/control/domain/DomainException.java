package dev.ff.control.domain;

/**
 * A refusal of the domain layer. The HTTP layer maps each subtype to one status code: {@link
 * NotFound} 404, {@link AlreadyExists} 409, {@link VersionConflict} 412, {@link ValidationFailed}
 * 422, {@link InvalidState} 409 and {@link Forbidden} 403.
 */
public abstract sealed class DomainException extends RuntimeException
    permits NotFound, AlreadyExists, VersionConflict, ValidationFailed, InvalidState, Forbidden {
  private static final long serialVersionUID = 1L;

  /**
   * A refusal with its message.
   *
   * @param message a human-readable description, safe to show to the caller
   */
  protected DomainException(String message) {
    super(message);
  }
}
