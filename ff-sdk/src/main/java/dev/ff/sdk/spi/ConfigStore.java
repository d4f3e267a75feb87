package dev.ff.sdk.spi;

import java.util.Optional;

/**
 * Keeps the last verified config document per environment, so that a restarted process (or another
 * process sharing the store) can evaluate before the network answers. The client verifies every
 * document it reads back from a store as it verifies documents from the network.
 *
 * <p>Implementations must be thread-safe and should not throw: a failing store is logged and
 * ignored by the client.
 */
public interface ConfigStore extends AutoCloseable {

  /**
   * The stored document.
   *
   * @param envKey the environment key
   * @return the document's JSON text, or empty
   */
  Optional<String> get(String envKey);

  /**
   * Stores a document, replacing an older one. An implementation shared by several processes should
   * keep the newer version when two writers race (see the Redis store).
   *
   * @param envKey the environment key
   * @param version the document's version
   * @param document the document's JSON text
   */
  void put(String envKey, long version, String document);

  /** Releases resources; the default does nothing. */
  @Override
  default void close() {}
}
