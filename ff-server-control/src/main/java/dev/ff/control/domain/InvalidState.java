package dev.ff.control.domain;

/**
 * The request is well formed but the resource's state forbids it (start a running experiment,
 * remove the last owner, overlapping exclusion ranges). HTTP 409.
 */
public final class InvalidState extends DomainException {
  private static final long serialVersionUID = 1L;

  /**
   * A refusal.
   *
   * @param message why the current state forbids the operation
   */
  public InvalidState(String message) {
    super(message);
  }
}
