package dev.ff.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Corrections for testing several treatment arms (or several goal metrics) against the control. The
 * family for a metric is the m = K − 1 treatment-versus-control comparisons; comparisons with a
 * non-OK status stay in it with p = 1. A comparison is significant when its adjusted p-value is
 * below α.
 *
 * <pre>
 * Holm:        adj_(i) = min(1, max_{j ≤ i} (m − j + 1)·p_(j))
 * Bonferroni:  adj_i   = min(1, m·p_i)
 * BH:          adj_(i) = min_{j ≥ i} min(1, m·p_(j)/j)
 * </pre>
 *
 * where p_(1) ≤ … ≤ p_(m) is a stable ascending sort and the adjusted values are mapped back to
 * input order.
 */
public final class MultipleComparisons {
  private MultipleComparisons() {}

  /** A correction method. */
  public enum Correction {
    /** Holm–Bonferroni step-down (family-wise error rate). The default. */
    HOLM,
    /** Bonferroni (family-wise error rate). */
    BONFERRONI,
    /** Benjamini–Hochberg step-up (false discovery rate). */
    BENJAMINI_HOCHBERG,
    /** No correction. */
    NONE
  }

  /**
   * Adjusted p-values under Holm, Bonferroni and Benjamini–Hochberg.
   *
   * @param pValues raw p-values in [0, 1]
   * @return the three adjusted lists, in input order
   * @throws IllegalArgumentException if a p-value is outside [0, 1]
   */
  public static AdjustedPValues adjust(double[] pValues) {
    return new AdjustedPValues(
        toList(adjust(pValues, Correction.HOLM)),
        toList(adjust(pValues, Correction.BONFERRONI)),
        toList(adjust(pValues, Correction.BENJAMINI_HOCHBERG)));
  }

  /**
   * Adjusted p-values under one correction.
   *
   * @param pValues raw p-values in [0, 1]
   * @param correction the method
   * @return adjusted p-values in input order
   * @throws IllegalArgumentException if a p-value is outside [0, 1]
   */
  public static double[] adjust(double[] pValues, Correction correction) {
    if (pValues == null) {
      throw new IllegalArgumentException("pValues is missing");
    }
    for (int i = 0; i < pValues.length; i++) {
      if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
        throw new IllegalArgumentException(
            "pValues[" + i + "] must be in [0, 1], got " + pValues[i]);
      }
    }
    int m = pValues.length;
    double[] adjusted = new double[m];
    switch (correction) {
      case NONE -> System.arraycopy(pValues, 0, adjusted, 0, m);
      case BONFERRONI -> {
        for (int i = 0; i < m; i++) {
          adjusted[i] = Math.min(1.0, m * pValues[i]);
        }
      }
      case HOLM -> {
        Integer[] order = ascending(pValues);
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
          running = Math.max(running, (m - rank) * pValues[order[rank]]);
          adjusted[order[rank]] = Math.min(1.0, running);
        }
      }
      case BENJAMINI_HOCHBERG -> {
        Integer[] order = ascending(pValues);
        double running = 1.0;
        for (int rank = m - 1; rank >= 0; rank--) {
          // p·(m/j) rather than m·p/j: the factor is ≥ 1, so rounding never takes adj below p.
          double factor = (double) m / (rank + 1);
          running = Math.min(running, Math.min(1.0, pValues[order[rank]] * factor));
          adjusted[order[rank]] = running;
        }
      }
      default -> throw new IllegalStateException("unknown correction " + correction);
    }
    return adjusted;
  }

  /**
   * The alpha for confidence intervals shown alongside a corrected family: α/m when a correction is
   * active (Bonferroni intervals, also for Holm), α otherwise.
   *
   * @param alpha family level in (0, 1)
   * @param comparisons m, the size of the family (≥ 1)
   * @param correction the method in use
   * @return the per-interval alpha
   */
  public static double intervalAlpha(double alpha, int comparisons, Correction correction) {
    Checks.alpha(alpha);
    if (comparisons < 1) {
      throw new IllegalArgumentException("comparisons must be >= 1, got " + comparisons);
    }
    return correction == Correction.NONE ? alpha : alpha / comparisons;
  }

  /** Indices in ascending order of p, ties kept in input order (a stable sort). */
  private static Integer[] ascending(double[] p) {
    Integer[] order = new Integer[p.length];
    for (int i = 0; i < p.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    return order;
  }

  private static List<Double> toList(double[] values) {
    List<Double> list = new ArrayList<>(values.length);
    for (double v : values) {
      list.add(v);
    }
    return list;
  }
}
