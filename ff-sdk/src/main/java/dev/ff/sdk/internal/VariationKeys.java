package dev.ff.sdk.internal;

import dev.ff.core.eval.EvaluationResult;

/**
 * The (flag, variation) fingerprint of evaluation results ({@link Hash64#pair}), remembered per
 * result instance.
 *
 * <p>ff-core returns shared, precomputed result instances for every successful evaluation, so a
 * small identity-keyed cache answers a repeat with one array read and one reference comparison,
 * instead of hashing the flag and variation keys on every call. It is a cache of a pure function:
 * entries are immutable and published through a plain array write (safe by final-field semantics),
 * a collision simply replaces the entry, and a miss computes the fingerprint from the strings. The
 * array is fixed ({@link #SIZE} entries), so results of replaced configs are released as their
 * entries are overwritten.
 */
public final class VariationKeys {
  /** Entries in the cache. */
  public static final int SIZE = 4096;

  private final Entry[] entries = new Entry[SIZE];

  private record Entry(EvaluationResult result, long fingerprint) {}

  /**
   * The fingerprint of a result's flag and variation.
   *
   * @param r a successful result (flag and variation not null)
   * @return {@code Hash64.pair(r.flag(), r.variation())}
   */
  public long of(EvaluationResult r) {
    int i = System.identityHashCode(r) & (SIZE - 1);
    Entry e = entries[i];
    if (e != null && e.result == r) {
      return e.fingerprint;
    }
    return miss(r, i);
  }

  private long miss(EvaluationResult r, int i) {
    long f = Hash64.pair(r.flag(), r.variation());
    entries[i] = new Entry(r, f);
    return f;
  }
}
