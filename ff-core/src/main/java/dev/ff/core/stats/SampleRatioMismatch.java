package dev.ff.core.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Sample ratio mismatch (SRM): are the observed units per arm consistent with the configured
 * traffic split? A mismatch means assignment or logging is broken and the experiment's results
 * cannot be trusted; the p-values of the metrics are not adjusted for it.
 *
 * <p>Pass every arm with a positive weight, even one that received no units (that is a mismatch);
 * arms with weight 0 are not part of the split and must not be passed.
 */
public final class SampleRatioMismatch {
  /** The default threshold: a mismatch is flagged when p &lt; 0.001. */
  public static final double DEFAULT_THRESHOLD = 0.001;

  private SampleRatioMismatch() {}

  /**
   * Runs the check.
   *
   * @param counts observed units per arm, each ≥ 0
   * @param weights configured traffic weights per arm, each &gt; 0, on any scale
   * @param threshold p-value below which a mismatch is flagged, in (0, 1)
   * @return the check result
   * @throws IllegalArgumentException on no arms, different lengths, negative counts, weights that
   *     are not positive, or a threshold outside (0, 1)
   */
  public static SrmResult test(long[] counts, double[] weights, double threshold) {
    if (counts == null || weights == null) {
      throw new IllegalArgumentException(
          counts == null ? "counts is missing" : "weights is missing");
    }
    if (counts.length == 0) {
      throw new IllegalArgumentException("counts must hold at least one arm");
    }
    if (weights.length != counts.length) {
      throw new IllegalArgumentException(
          "weights has "
              + weights.length
              + " values but counts has "
              + counts.length
              + "; they must have one value per arm");
    }
    Checks.openUnit("threshold", threshold);
    long total = 0;
    double weightSum = 0;
    for (int i = 0; i < counts.length; i++) {
      Checks.count("counts[" + i + "]", counts[i]);
      Checks.positive("weights[" + i + "]", weights[i]);
      total += counts[i];
      weightSum += weights[i];
    }
    int k = counts.length;
    if (total == 0 || k < 2) {
      return new SrmResult(Status.INSUFFICIENT_DATA, 0.0, k - 1, 1.0, false, null);
    }
    List<Double> expected = new ArrayList<>(k);
    double chi2 = 0;
    for (int i = 0; i < k; i++) {
      double e = total * (weights[i] / weightSum);
      double d = counts[i] - e;
      chi2 += d * d / e;
      expected.add(e);
    }
    double p = Dist.chiSquareSurvival(chi2, k - 1);
    return new SrmResult(Status.OK, chi2, k - 1, p, p < threshold, expected);
  }
}
