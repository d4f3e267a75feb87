package dev.ff.core.stats;

/**
 * Welch's t-test for mean metrics (unequal variances, Welch–Satterthwaite degrees of freedom) with
 * the absolute difference, its confidence interval, and the relative lift {@code diff /
 * |meanControl|} with a delta-method interval.
 *
 * <p>Status rules: an arm with fewer than 2 units gives {@link Status#INSUFFICIENT_DATA} (means,
 * variances, diff and lift are still reported where defined); both arms constant gives {@link
 * Status#ZERO_VARIANCE} with {@code se = 0}; one constant arm is fine (df becomes n − 1 of the
 * other arm); a control mean of 0 leaves the lift fields null.
 */
public final class Welch {
  private Welch() {}

  /**
   * Tests raw per-unit values (variances in two passes).
   *
   * @param control control values, one per unit (units without events included as 0)
   * @param treatment treatment values, one per unit
   * @param alpha two-sided level in (0, 1)
   * @return the test result
   * @throws IllegalArgumentException on non-finite values or alpha outside (0, 1)
   */
  public static WelchResult test(double[] control, double[] treatment, double alpha) {
    Checks.finite("control", control);
    Checks.finite("treatment", treatment);
    return test(Moments.of(control), Moments.of(treatment), alpha);
  }

  /**
   * Tests sufficient statistics.
   *
   * @param control control count, sum and sum of squares
   * @param treatment treatment count, sum and sum of squares
   * @param alpha two-sided level in (0, 1)
   * @return the test result
   * @throws IllegalArgumentException on alpha outside (0, 1)
   */
  public static WelchResult test(MeanSums control, MeanSums treatment, double alpha) {
    return test(control.moments(), treatment.moments(), alpha);
  }

  static WelchResult test(Moments control, Moments treatment, double alpha) {
    Checks.alpha(alpha);
    Checks.computed("control mean", control.n() == 0 ? 0 : control.mean());
    Checks.computed("treatment mean", treatment.n() == 0 ? 0 : treatment.mean());
    Comparison c;
    if (control.n() < 2 || treatment.n() < 2) {
      c = Comparison.notTested(Status.INSUFFICIENT_DATA, control.mean(), treatment.mean());
    } else {
      double qC = Checks.computed("control variance", control.variance()) / control.n();
      double qT = Checks.computed("treatment variance", treatment.variance()) / treatment.n();
      c =
          Comparison.tTest(
              control.n(), control.mean(), qC, treatment.n(), treatment.mean(), qT, alpha);
    }
    return WelchResult.of(control, treatment, c);
  }
}
