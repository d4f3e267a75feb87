package dev.ff.core.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The minimum detectable effect of a design.
 *
 * @param mdeAbsolute the smallest effect detected with the design's power, in the metric's units
 * @param mdeRelative mdeAbsolute / |baseline|, null when no non-zero baseline is known
 */
public record MdeResult(double mdeAbsolute, Double mdeRelative) implements StatsResult {

  @Override
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("mdeAbsolute", mdeAbsolute);
    Json.put(o, "mdeRelative", mdeRelative);
    return o;
  }
}
