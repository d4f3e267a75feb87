package dev.ff.core.document;

/**
 * A patch cannot be applied to the document at hand (wrong base version, malformed patch). The
 * receiver answers by fetching the whole document.
 */
public final class PatchException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * A refusal with its reason.
   *
   * @param reason why the patch does not apply
   */
  public PatchException(String reason) {
    super(reason);
  }

  /**
   * Why the patch does not apply.
   *
   * @return the reason
   */
  public String reason() {
    return getMessage();
  }
}
