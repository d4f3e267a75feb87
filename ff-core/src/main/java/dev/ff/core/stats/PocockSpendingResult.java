package dev.ff.core.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Lan–DeMets Pocock-type spending boundaries together with the classic Pocock constant for the same
 * looks (for comparison only: decisions use the spending boundaries).
 *
 * @param spending the boundaries, nominal p-values and spent alpha per look
 * @param classicPocockConstant the one constant c_P with P(|Z_k| &lt; c_P at every look) = 1 − α
 */
public record PocockSpendingResult(SpendingBoundaries spending, double classicPocockConstant)
    implements StatsResult {

  @Override
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    Json.putDoubles(o, "boundaries", spending.boundaries());
    Json.putDoubles(o, "nominalPValues", spending.nominalPValues());
    Json.putDoubles(o, "cumulativeAlpha", spending.cumulativeAlpha());
    Json.putDoubles(o, "incrementalAlpha", spending.incrementalAlpha());
    o.put("classicPocockConstant", classicPocockConstant);
    return o;
  }
}
