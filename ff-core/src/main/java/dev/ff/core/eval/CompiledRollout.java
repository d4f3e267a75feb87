package dev.ff.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.core.bucket.Bucketing;

/** A rollout resolved for evaluation: hash prefixes, bucket ranges and their results. */
final class CompiledRollout {
  private final String[] bucketBy;
  private final boolean byKey;
  private final byte[] prefix;
  private final int[] starts;
  private final int[] ends;
  private final EvaluationResult[] results;
  private final byte[] groupPrefix;
  private final int groupStart;
  private final int groupEnd;

  /**
   * Creates a rollout.
   *
   * @param groupPrefix the exclusion-group hash prefix, or null without a group
   */
  CompiledRollout(
      String[] bucketBy,
      byte[] prefix,
      int[] starts,
      int[] ends,
      EvaluationResult[] results,
      byte[] groupPrefix,
      int groupStart,
      int groupEnd) {
    this.bucketBy = bucketBy;
    this.byKey = bucketBy.length == 1 && bucketBy[0].equals("key");
    this.prefix = prefix;
    this.starts = starts;
    this.ends = ends;
    this.results = results;
    this.groupPrefix = groupPrefix;
    this.groupStart = groupStart;
    this.groupEnd = groupEnd;
  }

  /**
   * The result for the context's unit, or null when the rollout does not apply.
   *
   * @param ctx the context
   * @param contextKey the context's {@code key} (a string, or null when absent), already read
   */
  EvaluationResult apply(JsonNode ctx, String contextKey) {
    if (byKey) {
      // The unit is the context key: skip a second lookup of "key".
      if (contextKey == null || contextKey.isEmpty()) {
        return null;
      }
      if (groupPrefix != null) {
        int g = Bucketing.bucket(groupPrefix, contextKey);
        if (g < groupStart || g >= groupEnd) {
          return null;
        }
      }
      return variationFor(Bucketing.bucket(prefix, contextKey));
    }
    JsonNode unit = Cond.resolve(bucketBy, ctx);
    if (unit == null) {
      return null;
    }
    if (groupPrefix != null) {
      int g = Bucketing.bucketOf(groupPrefix, unit);
      if (g == Bucketing.NO_UNIT || g < groupStart || g >= groupEnd) {
        return null;
      }
    }
    int b = Bucketing.bucketOf(prefix, unit);
    if (b == Bucketing.NO_UNIT) {
      return null;
    }
    return variationFor(b);
  }

  /** How many variation ranges hold a bucket (0 or 1 for a valid rollout). */
  int ownersOf(int bucket) {
    int n = 0;
    for (int i = 0; i < starts.length; i++) {
      if (bucket >= starts[i] && bucket < ends[i]) {
        n++;
      }
    }
    return n;
  }

  /** The result owning a bucket, or null when the bucket lies in no range. */
  EvaluationResult variationFor(int bucket) {
    for (int i = 0; i < starts.length; i++) {
      if (bucket >= starts[i] && bucket < ends[i]) {
        return results[i];
      }
    }
    return null;
  }
}
