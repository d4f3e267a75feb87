package dev.ff.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A feature flag.
 *
 * @param key the flag key
 * @param type the kind of values
 * @param enabled false serves {@code offVariation} (reason {@code DISABLED})
 * @param variations the values it can serve
 * @param offVariation served when disabled or a prerequisite fails
 * @param defaultVariation served when no rule decides
 * @param prerequisites flags that must yield given variations first (empty when none)
 * @param rules the rules, first decisive one wins
 * @param description free text, or null
 */
public record Flag(
    String key,
    FlagType type,
    boolean enabled,
    List<Variation> variations,
    String offVariation,
    String defaultVariation,
    List<Prerequisite> prerequisites,
    List<Rule> rules,
    String description) {
  /** Checks the members and copies the lists. */
  public Flag {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    variations = List.copyOf(variations);
    Objects.requireNonNull(offVariation, "offVariation");
    Objects.requireNonNull(defaultVariation, "defaultVariation");
    prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
    rules = List.copyOf(rules);
  }

  /**
   * The variation with a key.
   *
   * @param variationKey the key
   * @return its index in {@link #variations()}, or -1
   */
  public int indexOfVariation(String variationKey) {
    for (int i = 0; i < variations.size(); i++) {
      if (variations.get(i).key().equals(variationKey)) {
        return i;
      }
    }
    return -1;
  }
}
