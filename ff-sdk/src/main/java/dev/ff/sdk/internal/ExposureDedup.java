package dev.ff.sdk.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The exposures this session has already recorded: a fixed-size, lock-free, open-addressed table of
 * 64-bit exposure fingerprints ({@link Hash64#exposure}).
 *
 * <p>The table is a {@code long[]} of {@link #slotsFor(int) 2 to 4 slots per remembered exposure}
 * (8 bytes each, allocated once), split in buckets of {@link #WAYS} adjacent slots; a fingerprint
 * lives in the bucket its low bits choose. Slots are only ever filled (compare-and-set from empty)
 * or overwritten, never emptied, and a bucket fills from its first slot on, so a lookup stops at
 * the first empty slot. A full bucket overwrites one of its slots (chosen by the fingerprint's high
 * bits).
 *
 * <p>What that guarantees:
 *
 * <ul>
 *   <li><b>No lost first exposure</b>: {@link #firstSeen} answers false only when the same
 *       fingerprint was stored before (by this or another thread). Distinct exposures share a
 *       fingerprint with a probability of about 2<sup>-64</sup>.
 *   <li><b>Bounded memory</b>: the table never grows. An overwritten fingerprint is forgotten, and
 *       its next evaluation counts as a first exposure again: at worst a duplicate exposure. So
 *       does a race between two threads storing the same new fingerprint in different slots (rare:
 *       the loser of a compare-and-set on the same slot sees the winner's value). With the table at
 *       most half full (the capacity reached), a bucket of 16 overflows with a probability of about
 *       0.4%; below that, far less.
 *   <li><b>Cheap when seen</b>: a repeat reads the filled start of one bucket (usually one cache
 *       line): no allocation, no lock, no write.
 * </ul>
 */
public final class ExposureDedup {
  /** Slots per bucket. */
  public static final int WAYS = 16;

  /** The largest capacity: 2<sup>24</sup> exposures (a table of 256 MiB). */
  public static final int MAX_CAPACITY = 1 << 24;

  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
  private static final long EMPTY = 0;

  private final long[] slots;
  private final int bucketMask;

  /**
   * An empty table.
   *
   * @param capacity how many exposures to remember, 1..{@link #MAX_CAPACITY}
   * @throws IllegalArgumentException when out of range
   */
  public ExposureDedup(int capacity) {
    this.slots = new long[slotsFor(capacity)];
    this.bucketMask = slots.length / WAYS - 1;
  }

  /**
   * The table size for a capacity: the power of two at or above twice the capacity (at least one
   * bucket). With at most half of the slots in use, few buckets fill up before the capacity is
   * reached.
   *
   * @param capacity how many exposures to remember, 1..{@link #MAX_CAPACITY}
   * @return the number of slots
   * @throws IllegalArgumentException when out of range
   */
  public static int slotsFor(int capacity) {
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "exposure dedup capacity must be 1.." + MAX_CAPACITY + ", got " + capacity);
    }
    int wanted = Math.max(WAYS, capacity * 2);
    return Integer.highestOneBit(wanted - 1) << 1;
  }

  /**
   * Records an exposure fingerprint.
   *
   * @param fingerprint the exposure's fingerprint (never 0, see {@link Hash64#exposure})
   * @return true when it was not in the table (the caller records the exposure), false when it was
   */
  public boolean firstSeen(long fingerprint) {
    long[] t = slots;
    int bucket = ((int) fingerprint & bucketMask) * WAYS;
    int end = bucket + WAYS;
    for (int i = bucket; i < end; i++) {
      long v = (long) SLOT.getAcquire(t, i);
      if (v == fingerprint) {
        return false;
      }
      if (v == EMPTY) {
        if (SLOT.compareAndSet(t, i, EMPTY, fingerprint)) {
          return true;
        }
        // Another thread filled this slot first: it may have stored this very fingerprint.
        if ((long) SLOT.getAcquire(t, i) == fingerprint) {
          return false;
        }
      }
    }
    // The bucket is full: forget one of its fingerprints (at worst a later duplicate exposure).
    SLOT.setRelease(t, bucket + (int) (fingerprint >>> 60), fingerprint);
    return true;
  }

  /**
   * Whether a fingerprint is in the table now (does not record it).
   *
   * @param fingerprint the fingerprint
   * @return true when stored
   */
  public boolean contains(long fingerprint) {
    int bucket = ((int) fingerprint & bucketMask) * WAYS;
    for (int i = bucket; i < bucket + WAYS; i++) {
      long v = (long) SLOT.getAcquire(slots, i);
      if (v == fingerprint) {
        return true;
      }
      if (v == EMPTY) {
        return false;
      }
    }
    return false;
  }

  /**
   * The number of slots (fixed at construction).
   *
   * @return the table size
   */
  public int slots() {
    return slots.length;
  }

  /**
   * How many slots hold a fingerprint (a full scan: for tests and diagnostics, not the hot path).
   *
   * @return the count, at most {@link #slots()}
   */
  public int occupied() {
    int n = 0;
    for (int i = 0; i < slots.length; i++) {
      if ((long) SLOT.getAcquire(slots, i) != EMPTY) {
        n++;
      }
    }
    return n;
  }

  /**
   * The table's heap size: the slot array.
   *
   * @return bytes
   */
  public long tableBytes() {
    return 16L + 8L * slots.length;
  }
}
