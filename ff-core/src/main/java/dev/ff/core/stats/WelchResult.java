package dev.ff.core.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Welch's t-test of a mean metric (treatment − control) with relative lift by the delta method.
 *
 * @param status how the result was computed
 * @param nControl units in the control arm
 * @param nTreatment units in the treatment arm
 * @param meanControl control mean, null for an empty arm
 * @param meanTreatment treatment mean, null for an empty arm
 * @param varControl control sample variance, null when n &lt; 2
 * @param varTreatment treatment sample variance, null when n &lt; 2
 * @param diff meanTreatment − meanControl
 * @param se standard error of diff
 * @param tStat diff / se (0 unless OK)
 * @param df Welch–Satterthwaite degrees of freedom
 * @param pValue two-sided p-value (1 unless OK)
 * @param ciLower lower bound of the 1 − α interval for diff
 * @param ciUpper upper bound of the 1 − α interval for diff
 * @param lift diff / |meanControl|, null when the control mean is 0
 * @param liftSe delta-method standard error of lift
 * @param liftCiLower lower bound of the lift interval
 * @param liftCiUpper upper bound of the lift interval
 */
public record WelchResult(
    Status status,
    long nControl,
    long nTreatment,
    Double meanControl,
    Double meanTreatment,
    Double varControl,
    Double varTreatment,
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
    Double liftCiUpper)
    implements StatsResult {

  /**
   * Whether the difference is significant at level {@code alpha} ({@code pValue < alpha}).
   *
   * @param alpha two-sided level
   * @return true when the test ran and rejects a zero difference
   */
  public boolean isSignificant(double alpha) {
    return status == Status.OK && pValue < alpha;
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("status", status.name());
    o.put("nControl", nControl);
    o.put("nTreatment", nTreatment);
    Json.put(o, "meanControl", meanControl);
    Json.put(o, "meanTreatment", meanTreatment);
    Json.put(o, "varControl", varControl);
    Json.put(o, "varTreatment", varTreatment);
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
    return o;
  }

  static WelchResult of(Moments control, Moments treatment, Comparison c) {
    return new WelchResult(
        c.status(),
        control.n(),
        treatment.n(),
        Checks.box(control.mean()),
        Checks.box(treatment.mean()),
        Checks.box(control.variance()),
        Checks.box(treatment.variance()),
        c.diff(),
        c.se(),
        c.tStat(),
        c.df(),
        c.pValue(),
        c.ciLower(),
        c.ciUpper(),
        c.lift(),
        c.liftSe(),
        c.liftCiLower(),
        c.liftCiUpper());
  }
}
