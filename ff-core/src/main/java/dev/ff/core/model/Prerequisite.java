package dev.ff.core.model;

import java.util.Objects;

/**
 * A flag that must serve a given variation, for the same context, before a flag's rules run.
 *
 * @param flag the prerequisite flag key
 * @param variation the variation key it must yield
 */
public record Prerequisite(String flag, String variation) {
  /** Checks the members. */
  public Prerequisite {
    Objects.requireNonNull(flag, "flag");
    Objects.requireNonNull(variation, "variation");
  }
}
