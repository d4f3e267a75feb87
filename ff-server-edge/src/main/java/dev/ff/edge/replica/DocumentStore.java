package dev.ff.edge.replica;

import java.util.Optional;

/**
 * The L2 store of verified documents, shared by edges (Redis in production). Implementations never
 * throw: a store that is down reads as empty and drops writes, and the replica verifies whatever it
 * reads before use.
 */
public interface DocumentStore extends AutoCloseable {

  /** No store: reads nothing, keeps nothing. */
  DocumentStore NONE =
      new DocumentStore() {
        @Override
        public Optional<String> load(String envKey) {
          return Optional.empty();
        }

        @Override
        public void save(String envKey, String json) {}

        @Override
        public void close() {}
      };

  /**
   * The last document stored for an environment.
   *
   * @param envKey the environment key
   * @return the document text, or empty
   */
  Optional<String> load(String envKey);

  /**
   * Stores an environment's verified document (fire and forget).
   *
   * @param envKey the environment key
   * @param json the document text
   */
  void save(String envKey, String json);

  /** Releases connections. */
  @Override
  void close();
}
