package dev.ff.core.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The 2×K chi-square test of equal conversion rates across all arms of an A/B/n experiment, without
 * continuity correction. Arms with no units are dropped first. It is informational: the decision
 * for each arm comes from its own {@link Proportions} test with the correction of {@link
 * MultipleComparisons}.
 */
public final class ChiSquareOmnibus {
  private ChiSquareOmnibus() {}

  /**
   * Runs the test.
   *
   * @param n units per arm
   * @param conversions converted units per arm, each between 0 and its n
   * @return the test result: {@link Status#INSUFFICIENT_DATA} when fewer than 2 arms have units,
   *     {@link Status#ZERO_VARIANCE} when no unit or every unit converted
   * @throws IllegalArgumentException on different lengths, negative counts or conversions above n
   */
  public static OmnibusResult test(long[] n, long[] conversions) {
    if (n == null || conversions == null) {
      throw new IllegalArgumentException(n == null ? "n is missing" : "conversions is missing");
    }
    if (n.length != conversions.length) {
      throw new IllegalArgumentException(
          "conversions has "
              + conversions.length
              + " values but n has "
              + n.length
              + "; they must have one value per arm");
    }
    List<Integer> used = new ArrayList<>();
    long total = 0;
    long converted = 0;
    for (int i = 0; i < n.length; i++) {
      Checks.count("n[" + i + "]", n[i]);
      Checks.count("conversions[" + i + "]", conversions[i]);
      if (conversions[i] > n[i]) {
        throw new IllegalArgumentException(
            "conversions["
                + i
                + "] ("
                + conversions[i]
                + ") must not exceed n["
                + i
                + "] ("
                + n[i]
                + ")");
      }
      if (n[i] > 0) {
        used.add(i);
        total += n[i];
        converted += conversions[i];
      }
    }
    if (used.size() < 2) {
      return new OmnibusResult(Status.INSUFFICIENT_DATA, used, 0.0, null, 1.0);
    }
    int df = used.size() - 1;
    if (converted == 0 || converted == total) {
      return new OmnibusResult(Status.ZERO_VARIANCE, used, 0.0, df, 1.0);
    }
    double pBar = (double) converted / total;
    double chi2 = 0;
    for (int i : used) {
      double expected = n[i] * pBar;
      double d = conversions[i] - expected;
      chi2 += d * d / (expected * (1 - pBar));
    }
    return new OmnibusResult(Status.OK, used, chi2, df, Dist.chiSquareSurvival(chi2, df));
  }
}
