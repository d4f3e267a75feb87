package dev.ff.core.document;

/**
 * The outcome of checking a document's signature.
 *
 * @param valid whether the signature verifies
 * @param reason why it does not verify, or which key verified it
 */
public record VerificationResult(boolean valid, String reason) {

  static VerificationResult ok(String kid) {
    return new VerificationResult(true, "verified with key '" + kid + "'");
  }

  static VerificationResult refused(String reason) {
    return new VerificationResult(false, reason);
  }
}
