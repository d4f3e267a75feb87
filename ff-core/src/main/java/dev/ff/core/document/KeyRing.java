package dev.ff.core.document;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys a receiver accepts signatures from, by key id. Holding the old and the new key at once
 * lets a publisher rotate keys without a window in which receivers refuse documents.
 */
public final class KeyRing {
  private final Map<String, SigningKey> keys;

  private KeyRing(Map<String, SigningKey> keys) {
    this.keys = Collections.unmodifiableMap(keys);
  }

  /**
   * A ring of the given keys.
   *
   * @param keys the accepted keys; key ids must be distinct
   * @return the ring
   * @throws IllegalArgumentException if two keys share a key id
   */
  public static KeyRing of(SigningKey... keys) {
    Map<String, SigningKey> byKid = new LinkedHashMap<>();
    for (SigningKey key : keys) {
      Objects.requireNonNull(key, "key");
      if (byKid.putIfAbsent(key.kid(), key) != null) {
        throw new IllegalArgumentException("duplicate key id '" + key.kid() + "'");
      }
    }
    return new KeyRing(byKid);
  }

  /**
   * The key with the given id.
   *
   * @param kid a key id (null finds nothing)
   * @return the key, or empty when the ring does not hold it
   */
  public Optional<SigningKey> find(String kid) {
    return kid == null ? Optional.empty() : Optional.ofNullable(keys.get(kid));
  }

  /**
   * The number of keys in the ring.
   *
   * @return the key count
   */
  public int size() {
    return keys.size();
  }
}
