package dev.ff.core.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A ratio metric (Σ numerator / Σ denominator per arm) compared by the delta method and Welch's
 * t-test.
 *
 * @param status how the result was computed
 * @param nControl control units
 * @param nTreatment treatment units
 * @param ratioControl Σm/Σd in the control arm, null when Σd = 0
 * @param ratioTreatment Σm/Σd in the treatment arm, null when Σd = 0
 * @param varMeanControl delta-method variance of ratioControl, null when n &lt; 2 or Σd = 0
 * @param varMeanTreatment delta-method variance of ratioTreatment
 * @param diff ratioTreatment − ratioControl
 * @param se √(varMeanControl + varMeanTreatment)
 * @param tStat diff / se (0 unless OK)
 * @param df Welch–Satterthwaite degrees of freedom
 * @param pValue two-sided p-value (1 unless OK)
 * @param ciLower lower bound of the 1 − α interval for diff
 * @param ciUpper upper bound of the 1 − α interval for diff
 * @param lift diff / |ratioControl|
 * @param liftSe delta-method standard error of lift
 * @param liftCiLower lower bound of the lift interval
 * @param liftCiUpper upper bound of the lift interval
 */
public record RatioResult(
    Status status,
    long nControl,
    long nTreatment,
    Double ratioControl,
    Double ratioTreatment,
    Double varMeanControl,
    Double varMeanTreatment,
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
   * @return true when the test ran and rejects equal ratios
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
    Json.put(o, "ratioControl", ratioControl);
    Json.put(o, "ratioTreatment", ratioTreatment);
    Json.put(o, "varMeanControl", varMeanControl);
    Json.put(o, "varMeanTreatment", varMeanTreatment);
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
}
