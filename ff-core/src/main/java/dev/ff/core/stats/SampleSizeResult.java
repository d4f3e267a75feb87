package dev.ff.core.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Units needed per arm to detect an effect with the design's power.
 *
 * @param deltaAbsolute the effect δ in the metric's units
 * @param nControlExact the unrounded control sample size
 * @param nControl ⌈nControlExact⌉
 * @param nTreatment ⌈ratio·nControlExact⌉
 * @param nTotal nControl + nTreatment
 */
public record SampleSizeResult(
    double deltaAbsolute, double nControlExact, long nControl, long nTreatment, long nTotal)
    implements StatsResult {

  @Override
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("deltaAbsolute", deltaAbsolute);
    o.put("nControlExact", nControlExact);
    o.put("nControl", nControl);
    o.put("nTreatment", nTreatment);
    o.put("nTotal", nTotal);
    return o;
  }
}
