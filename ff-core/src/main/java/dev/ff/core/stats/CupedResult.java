package dev.ff.core.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * CUPED-adjusted analysis of an experiment with one pooled θ over all arms.
 *
 * @param theta pooled OLS slope of Y on X (0 when CUPED is not applied)
 * @param cupedApplied false when there are fewer than 2 units or X or Y has no variation
 * @param preMeanPooled pooled covariate mean X̄, null without units
 * @param correlationPooled pooled correlation of X and Y, null when CUPED is not applied
 * @param arms per-arm summaries, arm 0 first
 * @param comparisons one comparison per treatment arm against arm 0
 */
public record CupedResult(
    double theta,
    boolean cupedApplied,
    Double preMeanPooled,
    Double correlationPooled,
    List<Arm> arms,
    List<ArmComparison> comparisons)
    implements StatsResult {

  /** Copies the lists. */
  public CupedResult {
    arms = List.copyOf(arms);
    comparisons = List.copyOf(comparisons);
  }

  /**
   * One arm before and after adjustment.
   *
   * @param n units
   * @param meanPre mean of X
   * @param meanPost mean of Y
   * @param adjMean mean of Y' = Y − θ(X − X̄)
   * @param varPost sample variance of Y, null when n &lt; 2
   * @param adjVar sample variance of Y', null when n &lt; 2
   */
  public record Arm(
      long n, Double meanPre, Double meanPost, Double adjMean, Double varPost, Double adjVar) {

    ObjectNode toJson() {
      ObjectNode o = Json.object();
      o.put("n", n);
      Json.put(o, "meanPre", meanPre);
      Json.put(o, "meanPost", meanPost);
      Json.put(o, "adjMean", adjMean);
      Json.put(o, "varPost", varPost);
      Json.put(o, "adjVar", adjVar);
      return o;
    }
  }

  /**
   * Welch's test on the adjusted values of one treatment arm against the control, with the
   * unadjusted test for reference.
   *
   * @param treatmentArm index of the treatment arm (1-based position among all arms, 0 = control)
   * @param status status of the adjusted test
   * @param diff adjMean_j − adjMean_0
   * @param se standard error of diff
   * @param tStat diff / se
   * @param df Welch–Satterthwaite degrees of freedom of the adjusted variances
   * @param pValue two-sided p-value
   * @param ciLower lower bound of the 1 − α interval for diff
   * @param ciUpper upper bound of the 1 − α interval for diff
   * @param lift diff / |adjMean_0|
   * @param liftSe delta-method standard error of lift
   * @param liftCiLower lower bound of the lift interval
   * @param liftCiUpper upper bound of the lift interval
   * @param unadjustedDiff diff of the raw outcomes
   * @param unadjustedSe standard error of the raw diff
   * @param unadjustedPValue p-value of the raw test
   * @param varianceReduction 1 − se²/unadjustedSe², null when either is 0 or null
   */
  public record ArmComparison(
      int treatmentArm,
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
      Double liftCiUpper,
      Double unadjustedDiff,
      Double unadjustedSe,
      double unadjustedPValue,
      Double varianceReduction) {

    /**
     * Whether the adjusted difference is significant at level {@code alpha}.
     *
     * @param alpha two-sided level
     * @return true when the adjusted test ran and {@code pValue < alpha}
     */
    public boolean isSignificant(double alpha) {
      return status == Status.OK && pValue < alpha;
    }

    ObjectNode toJson() {
      ObjectNode o = Json.object();
      o.put("treatmentArm", treatmentArm);
      o.put("status", status.name());
      Json.put(o, "diff", diff);
      Json.put(o, "se", se);
      o.put("tStat", tStat);
      Json.put(o, "df", df);
      o.put("pValue", pValue);
      Json.put(o, "ciLower", ciLower);
      Json.put(o, "ciUpper", ciUpper);
      Json.put(o, "lift", lift);
      Json.put(o, "liftSe", liftSe);
      Json.put(o, "liftCiLower", liftCiLower);
      Json.put(o, "liftCiUpper", liftCiUpper);
      Json.put(o, "unadjustedDiff", unadjustedDiff);
      Json.put(o, "unadjustedSe", unadjustedSe);
      o.put("unadjustedPValue", unadjustedPValue);
      Json.put(o, "varianceReduction", varianceReduction);
      return o;
    }
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("theta", theta);
    o.put("cupedApplied", cupedApplied);
    Json.put(o, "preMeanPooled", preMeanPooled);
    Json.put(o, "correlationPooled", correlationPooled);
    ArrayNode a = o.putArray("arms");
    arms.forEach(arm -> a.add(arm.toJson()));
    ArrayNode c = o.putArray("comparisons");
    comparisons.forEach(cmp -> c.add(cmp.toJson()));
    return o;
  }
}
