package dev.ff.core.document;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One HMAC-SHA256 key, named by the key id ({@code kid}) that signatures carry.
 *
 * <p>The secret is copied on the way in and out, and never appears in {@link #toString()}.
 *
 * @param kid the key id, a non-empty string
 * @param secret the raw key bytes, at least one byte
 */
public record SigningKey(String kid, byte[] secret) {

  /** Checks and copies the arguments. */
  public SigningKey {
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(secret, "secret");
    if (kid.isEmpty()) {
      throw new IllegalArgumentException("kid must not be empty");
    }
    if (secret.length == 0) {
      throw new IllegalArgumentException("secret must not be empty");
    }
    secret = secret.clone();
  }

  /**
   * Parses the settings form of a key list, {@code kid1:secret1,kid2:secret2} (secrets taken as
   * UTF-8, blank entries skipped), keeping the order: servers sign with the first and every key
   * verifies, which is how a key is rotated in and out.
   *
   * @param spec the list
   * @return the keys, at least one
   * @throws IllegalArgumentException when the list is empty or an entry is not {@code kid:secret}
   */
  public static List<SigningKey> parseList(String spec) {
    List<SigningKey> keys = new ArrayList<>();
    for (String entry : spec.split(",")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int colon = trimmed.indexOf(':');
      if (colon <= 0 || colon == trimmed.length() - 1) {
        throw new IllegalArgumentException(
            "signing keys: expected kid:secret, got an entry of " + trimmed.length() + " chars");
      }
      keys.add(
          new SigningKey(
              trimmed.substring(0, colon).trim(),
              trimmed.substring(colon + 1).trim().getBytes(StandardCharsets.UTF_8)));
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("signing keys: none given (kid1:secret1,kid2:secret2)");
    }
    return List.copyOf(keys);
  }

  /**
   * A copy of the key bytes.
   *
   * @return the secret
   */
  @Override
  public byte[] secret() {
    return secret.clone();
  }

  /**
   * Keys are equal when their ids and secrets are equal.
   *
   * @param other another object
   * @return whether both name the same key
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof SigningKey k && kid.equals(k.kid) && Arrays.equals(secret, k.secret);
  }

  /**
   * A hash over the id and the secret.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return 31 * kid.hashCode() + Arrays.hashCode(secret);
  }

  /**
   * The key id only; the secret is never printed.
   *
   * @return a description safe for logs
   */
  @Override
  public String toString() {
    return "SigningKey[kid=" + kid + "]";
  }
}
