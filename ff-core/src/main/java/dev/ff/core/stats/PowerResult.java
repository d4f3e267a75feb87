package dev.ff.core.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The power of a design to detect an effect.
 *
 * @param se standard error of the difference at the given sample sizes
 * @param power the probability of a significant result (both tails)
 */
public record PowerResult(double se, double power) implements StatsResult {

  @Override
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("se", se);
    o.put("power", power);
    return o;
  }
}
