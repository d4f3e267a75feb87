package dev.ff.core.model;

import java.util.Objects;

/**
 * A targeting rule: when {@code condition} holds and {@code outcome} applies, the rule decides.
 *
 * @param id the rule id, unique within its flag
 * @param description free text, or null
 * @param condition the {@code if} condition
 * @param outcome the {@code then} outcome
 */
public record Rule(String id, String description, Condition condition, Outcome outcome) {
  /** Checks the members. */
  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(outcome, "outcome");
  }
}
