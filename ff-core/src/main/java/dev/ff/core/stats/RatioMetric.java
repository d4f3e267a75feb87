package dev.ff.core.stats;

/**
 * Ratio metrics such as clicks per session or revenue per order, where the analysis unit is not the
 * randomization unit. The variance of each arm's ratio {@code R = Σm/Σd} comes from the delta
 * method; the comparison then follows Welch's t-test with R in place of the mean.
 *
 * <p>From raw values the variance uses the linearised values {@code L_i = (m_i − R·d_i)/d̄} (two
 * passes), which is the numerically stable form; from sums it uses {@code (s²_m − 2R·s_md +
 * R²·s²_d)/d̄²}. With every denominator 1 the result equals {@link Welch} exactly.
 *
 * <p>Status rules: n &lt; 2 in an arm gives {@link Status#INSUFFICIENT_DATA}; a zero denominator
 * sum in an arm gives {@link Status#ZERO_DENOMINATOR} (that ratio, diff and lift are null); a zero
 * standard error gives {@link Status#ZERO_VARIANCE}.
 */
public final class RatioMetric {
  private RatioMetric() {}

  /** One arm: size, ratio (NaN when undefined) and variance of the ratio (NaN when undefined). */
  private record Arm(long n, double ratio, double varMean, boolean zeroDenominator) {}

  /**
   * Tests raw per-unit pairs.
   *
   * @param numeratorControl control numerators, one per unit
   * @param denominatorControl control denominators, same length
   * @param numeratorTreatment treatment numerators, one per unit
   * @param denominatorTreatment treatment denominators, same length
   * @param alpha two-sided level in (0, 1)
   * @return the test result
   * @throws IllegalArgumentException on non-finite values, length mismatches or alpha outside (0,
   *     1)
   */
  public static RatioResult test(
      double[] numeratorControl,
      double[] denominatorControl,
      double[] numeratorTreatment,
      double[] denominatorTreatment,
      double alpha) {
    Checks.finite("numeratorControl", numeratorControl);
    Checks.finite("denominatorControl", denominatorControl);
    Checks.finite("numeratorTreatment", numeratorTreatment);
    Checks.finite("denominatorTreatment", denominatorTreatment);
    Checks.sameLength(
        "denominatorControl", denominatorControl, "numeratorControl", numeratorControl);
    Checks.sameLength(
        "denominatorTreatment", denominatorTreatment, "numeratorTreatment", numeratorTreatment);
    Checks.alpha(alpha);
    return compare(
        raw(numeratorControl, denominatorControl),
        raw(numeratorTreatment, denominatorTreatment),
        alpha);
  }

  /**
   * Tests sufficient statistics.
   *
   * @param control control sums
   * @param treatment treatment sums
   * @param alpha two-sided level in (0, 1)
   * @return the test result
   * @throws IllegalArgumentException on alpha outside (0, 1)
   */
  public static RatioResult test(RatioSums control, RatioSums treatment, double alpha) {
    Checks.alpha(alpha);
    return compare(sums(control), sums(treatment), alpha);
  }

  private static Arm raw(double[] m, double[] d) {
    int n = m.length;
    double sm = 0;
    double sd = 0;
    for (int i = 0; i < n; i++) {
      sm += m[i];
      sd += d[i];
    }
    if (n == 0 || sd == 0) {
      return new Arm(n, Double.NaN, Double.NaN, n > 0);
    }
    double ratio = Checks.computed("ratio", sm / sd);
    if (n < 2) {
      return new Arm(n, ratio, Double.NaN, false);
    }
    double dBar = sd / n;
    double[] linear = new double[n];
    for (int i = 0; i < n; i++) {
      linear[i] = (m[i] - ratio * d[i]) / dBar;
    }
    double varMean = Checks.computed("ratio variance", Moments.of(linear).variance() / n);
    return new Arm(n, ratio, varMean, false);
  }

  private static Arm sums(RatioSums s) {
    long n = s.n();
    if (n == 0 || s.sumDenominator() == 0) {
      return new Arm(n, Double.NaN, Double.NaN, n > 0);
    }
    double ratio = Checks.computed("ratio", s.sumNumerator() / s.sumDenominator());
    if (n < 2) {
      return new Arm(n, ratio, Double.NaN, false);
    }
    CoMoments c =
        CoMoments.ofSums(
            n,
            s.sumNumerator(),
            s.sumDenominator(),
            s.sumNumeratorSquares(),
            s.sumDenominatorSquares(),
            s.sumCrossProducts());
    double dBar = c.meanY();
    double centred = c.sxx() - 2 * ratio * c.sxy() + ratio * ratio * c.syy();
    double varUnit = Math.max(0, centred) / (n - 1) / (dBar * dBar);
    return new Arm(n, ratio, Checks.computed("ratio variance", varUnit / n), false);
  }

  private static RatioResult compare(Arm c, Arm t, double alpha) {
    Comparison cmp;
    if (c.n() < 2 || t.n() < 2) {
      cmp = Comparison.notTested(Status.INSUFFICIENT_DATA, c.ratio(), t.ratio());
    } else if (c.zeroDenominator() || t.zeroDenominator()) {
      cmp = Comparison.notTested(Status.ZERO_DENOMINATOR, c.ratio(), t.ratio());
    } else {
      cmp = Comparison.tTest(c.n(), c.ratio(), c.varMean(), t.n(), t.ratio(), t.varMean(), alpha);
    }
    return new RatioResult(
        cmp.status(),
        c.n(),
        t.n(),
        Checks.box(c.ratio()),
        Checks.box(t.ratio()),
        Checks.box(c.varMean()),
        Checks.box(t.varMean()),
        cmp.diff(),
        cmp.se(),
        cmp.tStat(),
        cmp.df(),
        cmp.pValue(),
        cmp.ciLower(),
        cmp.ciUpper(),
        cmp.lift(),
        cmp.liftSe(),
        cmp.liftCiLower(),
        cmp.liftCiUpper());
  }
}
