package dev.ff.core.model;

import java.util.Objects;

/**
 * A variation's share of a rollout.
 *
 * @param variation the variation key
 * @param weight the share in basis points (0..10000)
 */
public record WeightedVariation(String variation, int weight) {
  /** Checks the key. */
  public WeightedVariation {
    Objects.requireNonNull(variation, "variation");
  }
}
