package dev.ff.core.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Sequential monitoring with two-sided, symmetric group-sequential efficacy boundaries from the
 * Lan–DeMets Pocock-type alpha-spending function
 *
 * <pre>
 * α*(t) = α·ln(1 + (e − 1)·t)   for 0 ≤ t ≤ 1,   α*(t) = α for t ≥ 1
 * </pre>
 *
 * <p>At look k (information fraction t_k = n_k / N_plan) the boundary c_k is chosen so that the
 * probability under H0 of first crossing at look k equals the alpha spent there. Boundaries depend
 * only on the looks so far: adding later looks never changes earlier ones, and neither the number
 * nor the timing of looks has to be fixed in advance. Computation is by recursive numerical
 * integration with {@value GroupSequential#M} Simpson intervals per look.
 */
public final class Sequential {
  /** The smallest allowed step between consecutive information fractions. */
  public static final double MIN_SPACING = 0.001;

  private static final double E_MINUS_1 = Math.E - 1;

  private Sequential() {}

  /**
   * The Pocock-type spending function α*(t).
   *
   * @param alpha total two-sided level
   * @param t information fraction ≥ 0
   * @return the alpha spent up to t
   */
  public static double spentAlpha(double alpha, double t) {
    return t >= 1 ? alpha : alpha * Math.log1p(E_MINUS_1 * t);
  }

  /**
   * Spending boundaries for the given looks.
   *
   * @param alpha total two-sided level in (0, 1)
   * @param informationFractions t_1 &lt; … &lt; t_K in (0, 1], steps of at least 0.001
   * @return boundaries, nominal p-values, cumulative and incremental alpha per look
   * @throws IllegalArgumentException on alpha or fractions that break these rules
   */
  public static SpendingBoundaries boundaries(double alpha, double[] informationFractions) {
    Checks.alpha(alpha);
    double[] t = checkFractions("informationFractions", informationFractions);
    return boundariesOf(alpha, t);
  }

  /**
   * Spending boundaries and, for comparison, the classic Pocock constant for the same looks.
   *
   * @param alpha total two-sided level in (0, 1)
   * @param informationFractions t_1 &lt; … &lt; t_K in (0, 1], steps of at least 0.001
   * @return both
   * @throws IllegalArgumentException on alpha or fractions that break these rules
   */
  public static PocockSpendingResult pocockSpending(double alpha, double[] informationFractions) {
    SpendingBoundaries spending = boundaries(alpha, informationFractions);
    return new PocockSpendingResult(spending, classicPocockConstant(alpha, informationFractions));
  }

  /**
   * The classic Pocock constant: the one boundary c_P used at every look with P(|Z_k| &lt; c_P for
   * all k) = 1 − α, computed with the same recursion (as the equivalent condition that the
   * probability of crossing at some look is α). For K equally spaced looks this is Pocock's (1977)
   * tabulated constant (2.178, 2.289, 2.361, 2.413 for K = 2..5 at α = 0.05). It depends on the
   * ratios of the fractions only.
   *
   * @param alpha total two-sided level in (0, 1)
   * @param informationFractions t_1 &lt; … &lt; t_K in (0, 1], steps of at least 0.001
   * @return c_P
   * @throws IllegalArgumentException on alpha or fractions that break these rules
   */
  public static double classicPocockConstant(double alpha, double[] informationFractions) {
    Checks.alpha(alpha);
    double[] t = checkFractions("informationFractions", informationFractions);
    // P(all inside) ≤ P(|Z_K| < c) gives c_P ≥ z_{1−α/2}; Bonferroni gives c_P ≤ z_{1−α/(2K)}.
    double guess =
        0.5
            * (Dist.normalUpperQuantile(alpha / 2)
                + Dist.normalUpperQuantile(alpha / (2 * t.length)));
    // P(cross at some look) = α, i.e. the mass left after the last look is 1 − α; solved on the log
    // scale of the crossing probability so that small alphas keep their precision.
    double logAlpha = Math.log(alpha);
    double cut = GroupSequential.cutFor(alpha);
    return GroupSequential.root(
        GroupSequential.solver(),
        c -> GroupSequential.log(GroupSequential.constantBoundaryExit(c, t, cut)) - logAlpha,
        guess);
  }

  /**
   * The sequential decision after the latest look. The information fraction of look k is {@code
   * min(1, n_k / plannedN)}; a look declared final uses t = 1 and spends all remaining alpha,
   * whether it comes early or after an overrun. The test statistic (Welch's {@code tStat} or the
   * proportions {@code zStat}) is treated as standard normal.
   *
   * @param alpha total two-sided level in (0, 1)
   * @param plannedN planned total units in the compared arms, &gt; 0
   * @param lookSampleSizes units in the compared arms at each look so far
   * @param zStats the comparison's test statistic at each look (same length)
   * @param finalLook whether the last look given is the final one
   * @return the information fractions, boundaries and decision
   * @throws IllegalArgumentException on invalid input; the looks must give strictly increasing
   *     information fractions in (0, 1] at least 0.001 apart
   */
  public static SequentialDecision decide(
      double alpha, double plannedN, double[] lookSampleSizes, double[] zStats, boolean finalLook) {
    Checks.alpha(alpha);
    Checks.positive("plannedN", plannedN);
    Checks.finite("lookSampleSizes", lookSampleSizes);
    Checks.finite("zStats", zStats);
    if (zStats.length != lookSampleSizes.length) {
      throw new IllegalArgumentException(
          "zStats has "
              + zStats.length
              + " values but lookSampleSizes has "
              + lookSampleSizes.length
              + "; they must have one value per look");
    }
    int looks = lookSampleSizes.length;
    if (looks == 0) {
      throw new IllegalArgumentException("lookSampleSizes must hold at least one look");
    }
    double[] t = new double[looks];
    for (int k = 0; k < looks; k++) {
      t[k] = Math.min(1.0, lookSampleSizes[k] / plannedN);
    }
    if (finalLook) {
      t[looks - 1] = 1.0;
    }
    checkFractions("lookSampleSizes", t);
    SpendingBoundaries b = boundariesOf(alpha, t);
    Integer reject = null;
    for (int k = 0; k < looks; k++) {
      if (Math.abs(zStats[k]) >= b.boundaries().get(k)) {
        reject = k + 1;
        break;
      }
    }
    SequentialDecision.Decision decision =
        reject != null
            ? SequentialDecision.Decision.REJECT_NULL
            : finalLook
                ? SequentialDecision.Decision.FAIL_TO_REJECT
                : SequentialDecision.Decision.CONTINUE;
    return new SequentialDecision(toList(t), b.boundaries(), reject, decision);
  }

  private static SpendingBoundaries boundariesOf(double alpha, double[] t) {
    int looks = t.length;
    double[] cumulative = new double[looks];
    double[] incremental = new double[looks];
    double previous = 0;
    for (int k = 0; k < looks; k++) {
      cumulative[k] = spentAlpha(alpha, t[k]);
      incremental[k] = cumulative[k] - previous;
      previous = cumulative[k];
    }
    double[] c = GroupSequential.spendingBoundaries(t, incremental, alpha);
    double[] nominal = new double[looks];
    for (int k = 0; k < looks; k++) {
      nominal[k] = Dist.normalTwoSided(c[k]);
    }
    return new SpendingBoundaries(
        toList(c), toList(nominal), toList(cumulative), toList(incremental));
  }

  /** Checks fractions: non-empty, finite, in (0, 1], strictly increasing by at least 0.001. */
  private static double[] checkFractions(String field, double[] t) {
    if (t == null || t.length == 0) {
      throw new IllegalArgumentException(field + " must hold at least one look");
    }
    for (int k = 0; k < t.length; k++) {
      if (!(t[k] > 0 && t[k] <= 1)) {
        throw new IllegalArgumentException(
            field + ": information fraction " + t[k] + " at look " + (k + 1) + " is not in (0, 1]");
      }
      // A tolerance of 1e-12 forgives decimal fractions such as 0.501 − 0.5 in binary.
      if (k > 0 && t[k] - t[k - 1] < MIN_SPACING - 1e-12) {
        throw new IllegalArgumentException(
            field
                + ": information fractions must be strictly increasing in steps of at least "
                + MIN_SPACING
                + ", but look "
                + (k + 1)
                + " has "
                + t[k]
                + " after "
                + t[k - 1]);
      }
    }
    return t.clone();
  }

  private static List<Double> toList(double[] values) {
    List<Double> list = new ArrayList<>(values.length);
    for (double v : values) {
      list.add(v);
    }
    return list;
  }
}
