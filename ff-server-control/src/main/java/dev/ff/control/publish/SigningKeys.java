package dev.ff.control.publish;

import dev.ff.core.document.KeyRing;
import dev.ff.core.document.SigningKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The publisher's signing keys: several valid for verification, one active for signing. Rotation by
 * key id: {@link #add} the new key (receivers learn it), {@link #activate} it, later {@link
 * #retire} the old one. Thread-safe; every read sees one consistent set.
 */
public final class SigningKeys {
  private record Keys(List<SigningKey> keys, String activeKid) {}

  private final AtomicReference<Keys> state;

  /**
   * A holder.
   *
   * @param active the key that signs
   * @param others further keys valid for verification
   */
  public SigningKeys(SigningKey active, SigningKey... others) {
    List<SigningKey> keys = new ArrayList<>();
    keys.add(Objects.requireNonNull(active, "active"));
    keys.addAll(List.of(others));
    KeyRing.of(keys.toArray(SigningKey[]::new)); // refuses duplicate key ids
    this.state = new AtomicReference<>(new Keys(List.copyOf(keys), active.kid()));
  }

  /**
   * The key that signs new documents.
   *
   * @return the active key
   */
  public SigningKey active() {
    Keys keys = state.get();
    return keys.keys().stream()
        .filter(k -> k.kid().equals(keys.activeKid()))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Every key valid for verification.
   *
   * @return the ring
   */
  public KeyRing ring() {
    return KeyRing.of(state.get().keys().toArray(SigningKey[]::new));
  }

  /**
   * Adds a key valid for verification (not yet signing).
   *
   * @param key the key; its id must be new
   * @throws IllegalArgumentException if the key id is taken
   */
  public void add(SigningKey key) {
    state.updateAndGet(
        keys -> {
          List<SigningKey> next = new ArrayList<>(keys.keys());
          next.add(key);
          KeyRing.of(next.toArray(SigningKey[]::new));
          return new Keys(List.copyOf(next), keys.activeKid());
        });
  }

  /**
   * Makes a known key the signing key.
   *
   * @param kid the key id
   * @throws IllegalArgumentException if no key has that id
   */
  public void activate(String kid) {
    state.updateAndGet(
        keys -> {
          if (keys.keys().stream().noneMatch(k -> k.kid().equals(kid))) {
            throw new IllegalArgumentException("unknown key id '" + kid + "'");
          }
          return new Keys(keys.keys(), kid);
        });
  }

  /**
   * Removes a key that no longer verifies.
   *
   * @param kid the key id
   * @throws IllegalArgumentException if it is the active key
   */
  public void retire(String kid) {
    state.updateAndGet(
        keys -> {
          if (keys.activeKid().equals(kid)) {
            throw new IllegalArgumentException("cannot retire the active key '" + kid + "'");
          }
          return new Keys(
              keys.keys().stream().filter(k -> !k.kid().equals(kid)).toList(), keys.activeKid());
        });
  }
}
