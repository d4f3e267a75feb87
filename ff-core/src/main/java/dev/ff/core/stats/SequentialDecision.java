package dev.ff.core.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The outcome of sequential monitoring up to the latest look.
 *
 * @param informationFractions t_k = min(1, n_k / plannedN), with t = 1 at a look declared final
 * @param boundaries the spending boundary c_k at each look
 * @param rejectAtLook the first look (1-based) with |Z_k| ≥ c_k, or null
 * @param decision what to do now
 */
public record SequentialDecision(
    List<Double> informationFractions,
    List<Double> boundaries,
    Integer rejectAtLook,
    Decision decision)
    implements StatsResult {

  /** Copies the lists. */
  public SequentialDecision {
    informationFractions = List.copyOf(informationFractions);
    boundaries = List.copyOf(boundaries);
  }

  /** What sequential monitoring says after the latest look. */
  public enum Decision {
    /** A boundary was crossed: reject the null hypothesis and stop. */
    REJECT_NULL,
    /** No boundary crossed yet and the final look has not happened: keep collecting data. */
    CONTINUE,
    /** The final look came without crossing a boundary: the null hypothesis stands. */
    FAIL_TO_REJECT
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    Json.putDoubles(o, "informationFractions", informationFractions);
    Json.putDoubles(o, "boundaries", boundaries);
    Json.put(o, "rejectAtLook", rejectAtLook);
    o.put("decision", decision.name());
    return o;
  }
}
