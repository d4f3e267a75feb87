package dev.ff.core.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs config documents and verifies their signatures.
 *
 * <p>{@code signature.value} is the standard base64 (with padding) of HMAC-SHA256, keyed by the key
 * named {@code signature.kid}, over the UTF-8 bytes of the RFC 8785 canonical form of the document
 * without its {@code signature} member. Several keys may be accepted at once ({@link KeyRing}).
 */
public final class DocumentSigner {
  /** The only signature algorithm of the contract. */
  public static final String ALGORITHM = "HMAC-SHA256";

  private static final String SIGNATURE = "signature";

  private DocumentSigner() {}

  /**
   * A signed copy of a document; the input is not changed.
   *
   * @param doc the document; an existing {@code signature} member is replaced
   * @param key the signing key
   * @return a copy with {@code "signature": {"alg", "kid", "value"}} as its last member
   * @throws IllegalArgumentException if the document cannot be canonicalized
   */
  public static ObjectNode sign(ObjectNode doc, SigningKey key) {
    ObjectNode signed = doc.deepCopy();
    signed.remove(SIGNATURE);
    String value = mac(signed, key);
    ObjectNode signature = signed.putObject(SIGNATURE);
    signature.put("alg", ALGORITHM);
    signature.put("kid", key.kid());
    signature.put("value", value);
    return signed;
  }

  /**
   * Checks a document's signature against a key ring. Never throws.
   *
   * @param doc the received document
   * @param keys the accepted keys
   * @return valid, or refused with the reason: not an object, missing or malformed signature, an
   *     algorithm other than HMAC-SHA256, an unknown key id, or a value that does not match
   */
  public static VerificationResult verify(JsonNode doc, KeyRing keys) {
    if (doc == null || !doc.isObject()) {
      return VerificationResult.refused("document is not a JSON object");
    }
    JsonNode signature = doc.get(SIGNATURE);
    if (signature == null) {
      return VerificationResult.refused("document has no signature");
    }
    if (!signature.isObject()) {
      return VerificationResult.refused("signature is not an object");
    }
    JsonNode alg = signature.get("alg");
    JsonNode kid = signature.get("kid");
    JsonNode value = signature.get("value");
    if (alg == null || !alg.isTextual() || !ALGORITHM.equals(alg.textValue())) {
      return VerificationResult.refused("unsupported signature algorithm; expected " + ALGORITHM);
    }
    if (kid == null || !kid.isTextual()) {
      return VerificationResult.refused("signature has no key id");
    }
    if (value == null || !value.isTextual()) {
      return VerificationResult.refused("signature has no value");
    }
    Optional<SigningKey> key = keys == null ? Optional.empty() : keys.find(kid.textValue());
    if (key.isEmpty()) {
      return VerificationResult.refused("unknown key id '" + kid.textValue() + "'");
    }
    ObjectNode unsigned = ((ObjectNode) doc).deepCopy();
    unsigned.remove(SIGNATURE);
    String expected;
    try {
      expected = mac(unsigned, key.get());
    } catch (IllegalArgumentException e) {
      return VerificationResult.refused("document cannot be canonicalized: " + e.getMessage());
    }
    // Comparing the base64 text in constant time also refuses non-canonical encodings.
    boolean same =
        MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            value.textValue().getBytes(StandardCharsets.UTF_8));
    return same
        ? VerificationResult.ok(kid.textValue())
        : VerificationResult.refused("signature does not match the document");
  }

  private static String mac(ObjectNode unsigned, SigningKey key) {
    byte[] message = Canonicalizer.canonicalize(unsigned).getBytes(StandardCharsets.UTF_8);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(message));
    } catch (GeneralSecurityException e) {
      // Every Java runtime ships HmacSHA256, and a non-empty key is always accepted.
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
