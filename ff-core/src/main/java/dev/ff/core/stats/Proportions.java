package dev.ff.core.stats;

/**
 * Binary (conversion) metrics: the pooled two-proportion z-test without continuity correction
 * (Yates is reported for diagnostics only), the unpooled Wald interval for the difference and the
 * relative lift with a delta-method interval.
 *
 * <p>Status rules: an arm with 0 units gives {@link Status#EMPTY_VARIATION}; no conversions at all,
 * or every unit converted, gives {@link Status#ZERO_VARIANCE} (standard errors 0, lift 0 when the
 * control rate is positive); a control rate of 0 with conversions in the treatment is tested
 * normally but has no lift; when the unpooled standard error is 0 the interval is {@code [diff,
 * diff]}.
 */
public final class Proportions {
  private Proportions() {}

  /**
   * Runs the test.
   *
   * @param nControl control units
   * @param convControl converted control units, 0 ≤ convControl ≤ nControl
   * @param nTreatment treatment units
   * @param convTreatment converted treatment units, 0 ≤ convTreatment ≤ nTreatment
   * @param alpha two-sided level in (0, 1)
   * @return the test result
   * @throws IllegalArgumentException on negative counts, conversions above n, alpha outside (0, 1)
   */
  public static ProportionsResult test(
      long nControl, long convControl, long nTreatment, long convTreatment, double alpha) {
    Checks.count("nControl", nControl);
    Checks.count("convControl", convControl);
    Checks.count("nTreatment", nTreatment);
    Checks.count("convTreatment", convTreatment);
    if (convControl > nControl) {
      throw new IllegalArgumentException(
          "convControl (" + convControl + ") must not exceed nControl (" + nControl + ")");
    }
    if (convTreatment > nTreatment) {
      throw new IllegalArgumentException(
          "convTreatment (" + convTreatment + ") must not exceed nTreatment (" + nTreatment + ")");
    }
    Checks.alpha(alpha);
    Double rateC = nControl > 0 ? (double) convControl / nControl : null;
    Double rateT = nTreatment > 0 ? (double) convTreatment / nTreatment : null;
    if (nControl == 0 || nTreatment == 0) {
      return new ProportionsResult(
          Status.EMPTY_VARIATION,
          nControl,
          convControl,
          nTreatment,
          convTreatment,
          rateC,
          rateT,
          null,
          null,
          0.0,
          0.0,
          1.0,
          0.0,
          1.0,
          null,
          null,
          null,
          null,
          null,
          null,
          null);
    }
    double pC = rateC;
    double pT = rateT;
    double diff = pT - pC;
    long total = nControl + nTreatment;
    long converted = convControl + convTreatment;
    if (converted == 0 || converted == total) {
      return new ProportionsResult(
          Status.ZERO_VARIANCE,
          nControl,
          convControl,
          nTreatment,
          convTreatment,
          rateC,
          rateT,
          diff,
          0.0,
          0.0,
          0.0,
          1.0,
          0.0,
          1.0,
          0.0,
          null,
          null,
          pC > 0 ? 0.0 : null,
          null,
          null,
          null);
    }
    double pBar = (double) converted / total;
    double sePooled = Math.sqrt(pBar * (1 - pBar) * (1.0 / nControl + 1.0 / nTreatment));
    double z = diff / sePooled;
    double chi2Yates =
        yatesChiSquare(
            new long[] {
              convControl, nControl - convControl, convTreatment, nTreatment - convTreatment
            },
            nControl,
            nTreatment,
            converted,
            total);
    double seUnpooled = Math.sqrt(pC * (1 - pC) / nControl + pT * (1 - pT) / nTreatment);
    double zq = Dist.normalUpperQuantile(alpha / 2);
    Double lift = null;
    Double liftSe = null;
    Double liftLo = null;
    Double liftHi = null;
    if (pC > 0) {
      double l = diff / pC;
      double lse =
          Math.sqrt(
              pT * (1 - pT) / (nTreatment * pC * pC)
                  + pT * pT * pC * (1 - pC) / (nControl * pC * pC * pC * pC));
      lift = l;
      liftSe = lse;
      liftLo = l - zq * lse;
      liftHi = l + zq * lse;
    }
    return new ProportionsResult(
        Status.OK,
        nControl,
        convControl,
        nTreatment,
        convTreatment,
        rateC,
        rateT,
        diff,
        sePooled,
        z,
        z * z,
        Dist.normalTwoSided(z),
        chi2Yates,
        Dist.chiSquareSurvival(chi2Yates, 1),
        seUnpooled,
        diff - zq * seUnpooled,
        diff + zq * seUnpooled,
        lift,
        liftSe,
        liftLo,
        liftHi);
  }

  /** Σ max(0, |O − E| − 0.5)² / E over the cells [cC, nC − cC, cT, nT − cT]. */
  private static double yatesChiSquare(
      long[] observed, long nControl, long nTreatment, long converted, long total) {
    double[] rows = {nControl, nControl, nTreatment, nTreatment};
    double[] cols = {converted, total - converted, converted, total - converted};
    double chi2 = 0;
    for (int i = 0; i < 4; i++) {
      double expected = rows[i] * cols[i] / total;
      double d = Math.max(0, Math.abs(observed[i] - expected) - 0.5);
      chi2 += d * d / expected;
    }
    return chi2;
  }
}
