package dev.ff.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The exposure dedup table: no lost first exposure, bounded memory, concurrency. */
class ExposureDedupTest {

  /** Distinct, non-zero, random fingerprints. */
  private static long[] fingerprints(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    java.util.Set<Long> seen = new java.util.HashSet<>();
    long[] out = new long[n];
    for (int i = 0; i < n; ) {
      long f = random.nextLong();
      if (f != 0 && seen.add(f)) {
        out[i++] = f;
      }
    }
    return out;
  }

  /** The bucket {@link ExposureDedup} puts a fingerprint in (its low bits). */
  private static int bucketOf(ExposureDedup table, long fingerprint) {
    int buckets = table.slots() / ExposureDedup.WAYS;
    return (int) fingerprint & (buckets - 1);
  }

  @Test
  void firstSeen_trueOnceThenFalse() {
    ExposureDedup table = new ExposureDedup(100);
    assertThat(table.contains(42)).isFalse();
    assertThat(table.firstSeen(42)).isTrue();
    assertThat(table.contains(42)).isTrue();
    assertThat(table.firstSeen(42)).isFalse();
    assertThat(table.firstSeen(42)).isFalse();
    assertThat(table.firstSeen(43)).isTrue();
    assertThat(table.occupied()).isEqualTo(2);
  }

  @Test
  void slotsFor_isAPowerOfTwoOfTwoToFourSlotsPerExposure_andChecksItsRange() {
    assertThat(ExposureDedup.slotsFor(1)).isEqualTo(ExposureDedup.WAYS);
    assertThat(ExposureDedup.slotsFor(100_000)).isEqualTo(262_144); // 2 MiB of longs
    assertThat(ExposureDedup.slotsFor(131_072)).isEqualTo(262_144);
    assertThat(ExposureDedup.slotsFor(131_073)).isEqualTo(524_288);
    for (int capacity : new int[] {1, 7, 8, 9, 1000, 65_537, ExposureDedup.MAX_CAPACITY}) {
      int slots = ExposureDedup.slotsFor(capacity);
      assertThat(Integer.bitCount(slots)).as("power of two for %d", capacity).isEqualTo(1);
      assertThat((long) slots).isBetween(Math.max(16L, 2L * capacity), 4L * capacity + 16);
    }
    assertThatThrownBy(() -> ExposureDedup.slotsFor(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0");
    assertThatThrownBy(() -> new ExposureDedup(ExposureDedup.MAX_CAPACITY + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 200)
  void noFirstExposureIsEverLost(
      @ForAll @IntRange(min = 1, max = 5000) int capacity,
      @ForAll @IntRange(min = 1, max = 20_000) int distinct,
      @ForAll long seed) {
    // Whatever the load, even far beyond the capacity, a fingerprint never stored before is new.
    ExposureDedup table = new ExposureDedup(capacity);
    for (long f : fingerprints(seed, distinct)) {
      assertThat(table.firstSeen(f)).as("first sight of %d", f).isTrue();
    }
  }

  @Property(tries = 200)
  void withinCapacity_everyExposureIsRemembered_unlessItsBucketOverflowed(
      @ForAll @IntRange(min = 1, max = 5000) int capacity,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
    ExposureDedup table = new ExposureDedup(capacity);
    long[] fs = fingerprints(seed, capacity);
    Map<Integer, Integer> perBucket = new HashMap<>();
    for (long f : fs) {
      table.firstSeen(f);
      perBucket.merge(bucketOf(table, f), 1, Integer::sum);
    }
    int missing = 0;
    for (long f : fs) {
      if (perBucket.get(bucketOf(table, f)) <= ExposureDedup.WAYS) {
        assertThat(table.contains(f)).as("%d in a bucket that did not overflow", f).isTrue();
        assertThat(table.firstSeen(f)).isFalse();
      } else if (!table.contains(f)) {
        missing++;
      }
    }
    // A full bucket keeps WAYS distinct fingerprints of its own: exactly the overflow is forgotten.
    int overflow =
        perBucket.values().stream().mapToInt(c -> Math.max(0, c - ExposureDedup.WAYS)).sum();
    assertThat(missing).isEqualTo(overflow);
  }

  @Test
  void boundedMemory_theTableNeverGrows_andAForgottenExposureComesBackAsADuplicate() {
    ExposureDedup table = new ExposureDedup(1); // one bucket of 16 slots
    assertThat(table.slots()).isEqualTo(ExposureDedup.WAYS);
    long[] fs = fingerprints(7, ExposureDedup.WAYS + 1);
    for (long f : fs) {
      assertThat(table.firstSeen(f)).isTrue();
    }
    assertThat(table.occupied()).isEqualTo(ExposureDedup.WAYS);
    assertThat(table.contains(fs[ExposureDedup.WAYS])).isTrue(); // the newest is kept
    List<Long> forgotten = new ArrayList<>();
    for (int i = 0; i < ExposureDedup.WAYS; i++) {
      if (!table.contains(fs[i])) {
        forgotten.add(fs[i]);
      }
    }
    assertThat(forgotten).hasSize(1);
    // Forgotten means sent again (a duplicate), never suppressed.
    assertThat(table.firstSeen(forgotten.get(0))).isTrue();

    ExposureDedup big = new ExposureDedup(1000);
    int slots = big.slots();
    for (long f : fingerprints(11, 200_000)) {
      big.firstSeen(f);
    }
    assertThat(big.slots()).isEqualTo(slots);
    assertThat(big.occupied()).isEqualTo(slots); // full, not grown
    assertThat(big.tableBytes()).isEqualTo(16 + 8L * slots);
  }

  @Test
  void concurrentThreads_eachExposureIsFirstExactlyOnce() throws Exception {
    int threads = 4;
    int n = 50_000;
    ExposureDedup table = new ExposureDedup(4 * n); // a quarter full at most: no overflow
    long[] fs = fingerprints(23, n);
    AtomicIntegerArray firsts = new AtomicIntegerArray(n);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(t));
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i : order) {
                    if (table.firstSeen(fs[i])) {
                      firsts.incrementAndGet(i);
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    Map<Integer, Integer> perBucket = new HashMap<>();
    for (long f : fs) {
      perBucket.merge(bucketOf(table, f), 1, Integer::sum);
    }
    assertThat(perBucket.values()).allMatch(c -> c <= ExposureDedup.WAYS);
    for (int i = 0; i < n; i++) {
      assertThat(firsts.get(i)).as("first exposures of #%d", i).isEqualTo(1);
    }
    assertThat(table.occupied()).isEqualTo(n);
  }

  @Test
  void concurrentThreadsBeyondCapacity_neverLoseAFirstExposure() throws Exception {
    int threads = 4;
    int perThread = 40_000;
    ExposureDedup table = new ExposureDedup(1000); // far too small: constant overwriting
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long[] own = fingerprints(100 + t, perThread); // distinct per thread (64-bit random)
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  int lost = 0;
                  for (long f : own) {
                    if (!table.firstSeen(f)) {
                      lost++;
                    }
                  }
                  return lost;
                }));
      }
      start.countDown();
      for (Future<Integer> f : done) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(table.occupied()).isEqualTo(table.slots());
  }
}
