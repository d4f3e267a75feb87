package dev.ff.core.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A sample ratio mismatch check: chi-square goodness of fit of the observed units per arm against
 * the configured traffic weights.
 *
 * @param status {@link Status#INSUFFICIENT_DATA} with no units or fewer than 2 arms
 * @param chi2 Σ(o − E)²/E (0 unless OK)
 * @param df number of arms − 1
 * @param pValue Q_df(chi2) (1 unless OK)
 * @param srmDetected pValue &lt; threshold: the experiment's results are untrustworthy
 * @param expectedCounts N·w_i/Σw per arm, null unless OK
 */
public record SrmResult(
    Status status,
    double chi2,
    int df,
    double pValue,
    boolean srmDetected,
    List<Double> expectedCounts)
    implements StatsResult {

  /** Copies the expected counts. */
  public SrmResult {
    expectedCounts = expectedCounts == null ? null : List.copyOf(expectedCounts);
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("status", status.name());
    o.put("chi2", chi2);
    o.put("df", df);
    o.put("pValue", pValue);
    o.put("srmDetected", srmDetected);
    Json.putDoubles(o, "expectedCounts", expectedCounts);
    return o;
  }
}
