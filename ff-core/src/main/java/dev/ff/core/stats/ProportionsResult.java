package dev.ff.core.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The two-proportion test of a conversion metric: pooled z-test (identical to Pearson's chi-square
 * without correction), the Yates-corrected chi-square for diagnostics only, the unpooled Wald
 * interval for the difference and the delta-method relative lift.
 *
 * @param status how the result was computed
 * @param nControl control units
 * @param convControl converted control units
 * @param nTreatment treatment units
 * @param convTreatment converted treatment units
 * @param rateControl convControl / nControl, null for an empty arm
 * @param rateTreatment convTreatment / nTreatment, null for an empty arm
 * @param diff rateTreatment − rateControl
 * @param sePooled pooled standard error used by the test
 * @param zStat diff / sePooled (0 unless OK)
 * @param chi2 zStat², Pearson's chi-square on the 2×2 table
 * @param pValue two-sided p-value 2Φ(−|z|)
 * @param chi2Yates Yates-corrected chi-square (diagnostic, never used for decisions)
 * @param pValueYates p-value of chi2Yates
 * @param seUnpooled unpooled standard error used by the interval
 * @param ciLower lower bound of the 1 − α Wald interval for diff
 * @param ciUpper upper bound of the 1 − α Wald interval for diff
 * @param lift diff / rateControl, null when the control rate is 0
 * @param liftSe delta-method standard error of lift
 * @param liftCiLower lower bound of the lift interval
 * @param liftCiUpper upper bound of the lift interval
 */
public record ProportionsResult(
    Status status,
    long nControl,
    long convControl,
    long nTreatment,
    long convTreatment,
    Double rateControl,
    Double rateTreatment,
    Double diff,
    Double sePooled,
    double zStat,
    double chi2,
    double pValue,
    double chi2Yates,
    double pValueYates,
    Double seUnpooled,
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
   * @return true when the test ran and rejects equal rates
   */
  public boolean isSignificant(double alpha) {
    return status == Status.OK && pValue < alpha;
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("status", status.name());
    o.put("nControl", nControl);
    o.put("convControl", convControl);
    o.put("nTreatment", nTreatment);
    o.put("convTreatment", convTreatment);
    Json.put(o, "rateControl", rateControl);
    Json.put(o, "rateTreatment", rateTreatment);
    Json.put(o, "diff", diff);
    Json.put(o, "sePooled", sePooled);
    o.put("zStat", zStat);
    o.put("chi2", chi2);
    o.put("pValue", pValue);
    o.put("chi2Yates", chi2Yates);
    o.put("pValueYates", pValueYates);
    Json.put(o, "seUnpooled", seUnpooled);
    Json.put(o, "ciLower", ciLower);
    Json.put(o, "ciUpper", ciUpper);
    Json.put(o, "lift", lift);
    Json.put(o, "liftSe", liftSe);
    Json.put(o, "liftCiLower", liftCiLower);
    Json.put(o, "liftCiUpper", liftCiUpper);
    return o;
  }
}
