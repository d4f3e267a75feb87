package dev.ff.core.document;

import java.util.Arrays;
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
