package dev.ff.core.model;

import java.util.Objects;

/**
 * A rollout's slice of a mutual-exclusion group: the unit enters only if its group bucket (seed
 * {@code xg/<key>}) lies in {@code [start, end)}.
 *
 * @param key the exclusion-group key
 * @param start the first bucket, inclusive
 * @param end the last bucket, exclusive
 */
public record ExclusionGroupRange(String key, int start, int end) {
  /** Checks the key. */
  public ExclusionGroupRange {
    Objects.requireNonNull(key, "key");
  }
}
