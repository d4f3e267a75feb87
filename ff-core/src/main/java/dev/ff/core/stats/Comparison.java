package dev.ff.core.stats;

import static dev.ff.core.stats.Checks.box;
import static dev.ff.core.stats.Checks.computed;

/**
 * The treatment-versus-control part of a t-based comparison, shared by Welch's test, ratio metrics
 * (with the mean replaced by the ratio and q by its variance) and CUPED.
 */
record Comparison(
    Status status,
    Double diff,
    Double se,
    double tStat,
    Double df,
    double pValue,
    Double ciLower,
    Double ciUpper,
    Double lift,
    Double liftSe,
    Double liftCiLower,
    Double liftCiUpper) {

  /**
   * A comparison that cannot be tested: the point estimates when they are defined (NaN marks an
   * undefined estimate), p = 1 and statistic 0.
   */
  static Comparison notTested(Status status, double control, double treatment) {
    double diff = treatment - control;
    Double lift = Double.isFinite(diff) && control != 0 ? box(diff / Math.abs(control)) : null;
    return new Comparison(
        status, box(diff), null, 0.0, null, 1.0, null, null, lift, null, null, null);
  }

  /**
   * Welch's comparison of two estimates with variances {@code qC}, {@code qT} (already divided by
   * n) and Welch–Satterthwaite degrees of freedom. Both arms must have n ≥ 2.
   */
  static Comparison tTest(
      long nC, double control, double qC, long nT, double treatment, double qT, double alpha) {
    double diff = computed("the difference between the arms", treatment - control);
    double se = computed("the standard error", Math.sqrt(qC + qT));
    Double lift = control != 0 ? box(diff / Math.abs(control)) : null;
    if (se == 0) {
      return new Comparison(
          Status.ZERO_VARIANCE, diff, 0.0, 0.0, null, 1.0, null, null, lift, null, null, null);
    }
    double t = diff / se;
    // (qC + qT)² / (qC²/(nC − 1) + qT²/(nT − 1)), scaled so that tiny or huge q cannot underflow.
    double wC = qC / (qC + qT);
    double wT = qT / (qC + qT);
    double df = 1.0 / (wC * wC / (nC - 1) + wT * wT / (nT - 1));
    double p = Dist.tTwoSided(t, df);
    double tq = Dist.tUpperQuantile(alpha / 2, df);
    Double liftSe = null;
    Double liftLo = null;
    Double liftHi = null;
    if (lift != null) {
      // √(qT/x̄C² + x̄T²·qC/x̄C⁴), written so that a small control mean cannot overflow the
      // squares.
      double ratio = treatment / control;
      double lse = Math.sqrt(qT + ratio * ratio * qC) / Math.abs(control);
      liftSe = box(lse);
      liftLo = box(lift - tq * lse);
      liftHi = box(lift + tq * lse);
    }
    return new Comparison(
        Status.OK,
        diff,
        se,
        t,
        df,
        p,
        diff - tq * se,
        diff + tq * se,
        lift,
        liftSe,
        liftLo,
        liftHi);
  }
}
