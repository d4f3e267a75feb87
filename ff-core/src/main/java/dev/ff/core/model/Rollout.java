package dev.ff.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A bucketed split between variations (reason {@code SPLIT}).
 *
 * <p>Defaults are resolved when the record is read: {@code bucketBy} {@code "key"}, {@code seed}
 * the flag key, {@code coverage} 10000.
 *
 * @param variations the weighted variations, weights summing to 10000
 * @param bucketBy the attribute path of the unit
 * @param seed the hash seed
 * @param coverage the covered share in basis points (0..10000)
 * @param experiment the experiment key, or null
 * @param exclusionGroup the exclusion-group slice, or null
 */
public record Rollout(
    List<WeightedVariation> variations,
    String bucketBy,
    String seed,
    int coverage,
    String experiment,
    ExclusionGroupRange exclusionGroup)
    implements Outcome {
  /** The coverage when none is given: everything. */
  public static final int FULL_COVERAGE = 10_000;

  /** The default unit attribute. */
  public static final String DEFAULT_BUCKET_BY = "key";

  /** Checks the members and copies the list. */
  public Rollout {
    variations = List.copyOf(variations);
    Objects.requireNonNull(bucketBy, "bucketBy");
    Objects.requireNonNull(seed, "seed");
  }
}
