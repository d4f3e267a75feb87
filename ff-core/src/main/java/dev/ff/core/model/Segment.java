package dev.ff.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A reusable audience. A context is a member when its key is in {@code included}, not when in
 * {@code excluded} (excluded wins), otherwise exactly when {@code condition} is present and holds.
 *
 * @param key the segment key
 * @param included context keys that are members
 * @param excluded context keys that are never members
 * @param condition the {@code if} condition, or null
 */
public record Segment(
    String key, List<String> included, List<String> excluded, Condition condition) {
  /** Checks the key and copies the lists. */
  public Segment {
    Objects.requireNonNull(key, "key");
    included = included == null ? List.of() : List.copyOf(included);
    excluded = excluded == null ? List.of() : List.copyOf(excluded);
  }
}
