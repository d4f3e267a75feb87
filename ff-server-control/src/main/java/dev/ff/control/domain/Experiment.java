package dev.ff.control.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An experiment on a flag of an environment. While running, the next published document gives the
 * flag a last rule (id = the experiment key) with the experiment's rollout: seed and {@code
 * experiment} = the experiment key, {@code coverage} = the traffic allocation, and the exclusion
 * group range when there is one.
 *
 * @param key the experiment key
 * @param flag the flag key
 * @param variations the arms, weights summing to 10000
 * @param hypothesis free text, may be null
 * @param primaryMetric the primary metric key, may be null
 * @param secondaryMetrics secondary metric keys
 * @param trafficAllocation the share of traffic in the experiment, 0..10000 basis points
 * @param exclusionGroup the exclusion group, if any
 * @param status the life-cycle status
 * @param startedAt when it started
 * @param stoppedAt when it stopped
 * @param winner the variation chosen on stop (it became the flag's default variation), if any
 * @param meta bookkeeping
 */
public record Experiment(
    String key,
    String flag,
    List<WeightedVariation> variations,
    String hypothesis,
    String primaryMetric,
    List<String> secondaryMetrics,
    int trafficAllocation,
    Optional<ExclusionGroup> exclusionGroup,
    ExperimentStatus status,
    Optional<Instant> startedAt,
    Optional<Instant> stoppedAt,
    Optional<String> winner,
    Meta meta) {
  /** Defensive copies. */
  public Experiment {
    variations = List.copyOf(variations);
    secondaryMetrics = List.copyOf(secondaryMetrics);
  }
}
