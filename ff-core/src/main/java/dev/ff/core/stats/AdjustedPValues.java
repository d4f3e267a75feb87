package dev.ff.core.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Adjusted p-values of one family of comparisons under each correction, in input order.
 *
 * @param holm Holm–Bonferroni (controls the family-wise error rate; the default)
 * @param bonferroni Bonferroni (family-wise error rate, more conservative than Holm)
 * @param benjaminiHochberg Benjamini–Hochberg (false discovery rate)
 */
public record AdjustedPValues(
    List<Double> holm, List<Double> bonferroni, List<Double> benjaminiHochberg)
    implements StatsResult {

  /** Copies the lists. */
  public AdjustedPValues {
    holm = List.copyOf(holm);
    bonferroni = List.copyOf(bonferroni);
    benjaminiHochberg = List.copyOf(benjaminiHochberg);
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    Json.putDoubles(o, "holm", holm);
    Json.putDoubles(o, "bonferroni", bonferroni);
    Json.putDoubles(o, "benjaminiHochberg", benjaminiHochberg);
    return o;
  }
}
