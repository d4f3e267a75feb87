package dev.ff.core.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The 2×K omnibus chi-square over all arms of a conversion metric (informational only).
 *
 * @param status how the result was computed
 * @param armsUsed original indices of the arms with at least one unit, in order
 * @param chi2 Pearson's chi-square on the 2×K' table (0 unless OK)
 * @param df K' − 1, null when fewer than 2 arms have data
 * @param pValue Q_df(chi2) (1 unless OK)
 */
public record OmnibusResult(
    Status status, List<Integer> armsUsed, double chi2, Integer df, double pValue)
    implements StatsResult {

  /** Copies the arm list. */
  public OmnibusResult {
    armsUsed = List.copyOf(armsUsed);
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("status", status.name());
    ArrayNode arms = o.putArray("armsUsed");
    armsUsed.forEach(arms::add);
    o.put("chi2", chi2);
    Json.put(o, "df", df);
    o.put("pValue", pValue);
    return o;
  }
}
