package dev.ff.core.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A result of one statistics request. Every result maps to a JSON object whose member names are the
 * record's component names; {@code null} components are written as JSON {@code null}.
 */
public sealed interface StatsResult
    permits WelchResult,
        ProportionsResult,
        OmnibusResult,
        RatioResult,
        CupedResult,
        SrmResult,
        PocockSpendingResult,
        SequentialDecision,
        SampleSizeResult,
        PowerResult,
        MdeResult,
        AdjustedPValues {

  /**
   * Writes this result as a JSON object.
   *
   * @return a new object with one member per component, in declaration order
   */
  ObjectNode toJson();
}
