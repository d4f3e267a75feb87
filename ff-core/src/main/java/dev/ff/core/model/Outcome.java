package dev.ff.core.model;

import java.util.Objects;

/** What a matching rule serves: one variation, or a bucketed {@link Rollout}. */
public sealed interface Outcome permits Outcome.Serve, Rollout {

  /**
   * Serves one variation (reason {@code TARGETING_MATCH}).
   *
   * @param variation the variation key
   */
  record Serve(String variation) implements Outcome {
    /** Checks the key. */
    public Serve {
      Objects.requireNonNull(variation, "variation");
    }
  }
}
