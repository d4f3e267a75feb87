package dev.ff.core.stats;

import java.util.List;

/**
 * Two-sided group-sequential efficacy boundaries from an alpha-spending function, one entry per
 * look.
 *
 * @param boundaries c_k: reject at look k when |Z_k| ≥ c_k
 * @param nominalPValues 2Φ(−c_k): the same rule on normal p-values (reject when p ≤ nominal)
 * @param cumulativeAlpha α*(t_k), the alpha spent up to and including look k
 * @param incrementalAlpha π_k = α*(t_k) − α*(t_{k−1}), the alpha spent at look k
 */
public record SpendingBoundaries(
    List<Double> boundaries,
    List<Double> nominalPValues,
    List<Double> cumulativeAlpha,
    List<Double> incrementalAlpha) {

  /** Copies the lists. */
  public SpendingBoundaries {
    boundaries = List.copyOf(boundaries);
    nominalPValues = List.copyOf(nominalPValues);
    cumulativeAlpha = List.copyOf(cumulativeAlpha);
    incrementalAlpha = List.copyOf(incrementalAlpha);
  }
}
