package dev.ff.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.ff.core.bucket.Bucketing;
import dev.ff.core.model.Condition;
import dev.ff.core.model.ConfigDocument;
import dev.ff.core.model.Flag;
import dev.ff.core.model.FlagType;
import dev.ff.core.model.Rollout;
import dev.ff.core.model.Rule;
import dev.ff.core.model.Variation;
import dev.ff.core.model.WeightedVariation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Invariants of rollout ranges, checked over every bucket. */
class RolloutPropertiesTest {
  private static final String SALT = "5a17";

  /** Weight lists (1..9 variations) of non-negative integers summing to 10000. */
  @Provide
  Arbitrary<List<Integer>> weights() {
    return Arbitraries.integers()
        .between(0, 10_000)
        .list()
        .ofMaxSize(8)
        .map(
            cuts -> {
              List<Integer> sorted = new ArrayList<>(cuts);
              Collections.sort(sorted);
              List<Integer> w = new ArrayList<>();
              int prev = 0;
              for (int c : sorted) {
                w.add(c - prev);
                prev = c;
              }
              w.add(10_000 - prev);
              return w;
            });
  }

  private static String key(int i) {
    return "v" + i;
  }

  private static Flag flagWith(int variations) {
    List<Variation> vs = new ArrayList<>();
    for (int i = 0; i < variations; i++) {
      vs.add(new Variation(key(i), TextNode.valueOf(key(i))));
    }
    return new Flag("f", FlagType.JSON, true, vs, key(0), key(0), List.of(), List.of(), null);
  }

  private static Rollout rollout(List<Integer> weights, int coverage) {
    List<WeightedVariation> wv = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      wv.add(new WeightedVariation(key(i), weights.get(i)));
    }
    return new Rollout(wv, "key", "f", coverage, null, null);
  }

  private static CompiledRollout compiled(List<Integer> weights, int coverage, int variations) {
    Flag f = flagWith(variations);
    Rollout ro = rollout(weights, coverage);
    Rule rule = new Rule("r", null, new Condition.All(List.of()), ro);
    ConfigDocument doc = new ConfigDocument("e", "p", 1, null, SALT, Map.of("f", f), Map.of());
    return Compiler.compileRollout(f, rule, ro, doc);
  }

  private static String variationAt(CompiledRollout r, int bucket) {
    EvaluationResult res = r.variationFor(bucket);
    return res == null ? null : res.variation();
  }

  @Property(tries = 80)
  void fullCoverage_rangesPartitionAllBuckets(@ForAll("weights") List<Integer> weights) {
    CompiledRollout r = compiled(weights, 10_000, weights.size());
    int[] counts = new int[weights.size()];
    for (int b = 0; b < Bucketing.BUCKETS; b++) {
      assertThat(r.ownersOf(b)).isEqualTo(1);
      counts[Integer.parseInt(variationAt(r, b).substring(1))]++;
    }
    for (int i = 0; i < weights.size(); i++) {
      assertThat(counts[i]).isEqualTo(weights.get(i));
    }
  }

  @Property(tries = 80)
  void anyCoverage_rangesNeverOverlapAndHaveFlooredSizes(
      @ForAll("weights") List<Integer> weights, @ForAll @IntRange(max = 10_000) int coverage) {
    CompiledRollout r = compiled(weights, coverage, weights.size());
    int[] counts = new int[weights.size()];
    for (int b = 0; b < Bucketing.BUCKETS; b++) {
      assertThat(r.ownersOf(b)).isLessThanOrEqualTo(1);
      String v = variationAt(r, b);
      if (v != null) {
        counts[Integer.parseInt(v.substring(1))]++;
      }
    }
    for (int i = 0; i < weights.size(); i++) {
      assertThat(counts[i]).isEqualTo(weights.get(i) * coverage / 10_000);
    }
  }

  @Property(tries = 80)
  void raisingCoverage_neverMovesACoveredUnit(
      @ForAll("weights") List<Integer> weights,
      @ForAll @IntRange(max = 10_000) int c1,
      @ForAll @IntRange(max = 10_000) int c2) {
    int low = Math.min(c1, c2);
    int high = Math.max(c1, c2);
    CompiledRollout before = compiled(weights, low, weights.size());
    CompiledRollout after = compiled(weights, high, weights.size());
    for (int b = 0; b < Bucketing.BUCKETS; b++) {
      String v = variationAt(before, b);
      if (v != null) {
        assertThat(variationAt(after, b)).isEqualTo(v);
      }
    }
  }

  @Property(tries = 80)
  void appendingAZeroWeightVariation_changesNothing(
      @ForAll("weights") List<Integer> weights, @ForAll @IntRange(max = 10_000) int coverage) {
    List<Integer> appended = new ArrayList<>(weights);
    appended.add(0);
    CompiledRollout before = compiled(weights, coverage, weights.size());
    CompiledRollout after = compiled(appended, coverage, appended.size());
    for (int b = 0; b < Bucketing.BUCKETS; b++) {
      assertThat(variationAt(after, b)).isEqualTo(variationAt(before, b));
    }
  }

  @Property(tries = 80)
  void appendingAVariation_neverMovesACoveredUnit(
      @ForAll("weights") List<Integer> weights,
      @ForAll @IntRange(max = 10_000) int coverage,
      @ForAll @IntRange(max = 10_000) int taken) {
    // The new variation takes its weight from the last one; the others keep theirs.
    int last = weights.size() - 1;
    int k = Math.min(taken, weights.get(last));
    List<Integer> appended = new ArrayList<>(weights);
    appended.set(last, weights.get(last) - k);
    appended.add(k);
    String added = key(appended.size() - 1);
    CompiledRollout before = compiled(weights, coverage, weights.size());
    CompiledRollout after = compiled(appended, coverage, appended.size());
    for (int b = 0; b < Bucketing.BUCKETS; b++) {
      String old = variationAt(before, b);
      String now = variationAt(after, b);
      if (now != null && !now.equals(added)) {
        assertThat(old).isEqualTo(now);
      }
      if (old != null && !old.equals(key(last))) {
        assertThat(now).isEqualTo(old);
      }
    }
  }

  @Property(tries = 300)
  void evaluation_placesUnitsByIndependentBucketFormula(
      @ForAll @StringLength(min = 1, max = 30) String unit,
      @ForAll @IntRange(max = 10_000) int coverage) {
    Flag f = flagWith(2);
    Rollout ro = rollout(List.of(3000, 7000), coverage);
    Flag withRule =
        new Flag(
            "f",
            FlagType.JSON,
            true,
            f.variations(),
            "v0",
            "v0",
            List.of(),
            List.of(new Rule("r", null, new Condition.All(List.of()), ro)),
            null);
    ConfigDocument doc =
        new ConfigDocument("e", "p", 1, null, SALT, Map.of("f", withRule), Map.of());
    CompiledConfig c = Compiler.compile(doc);
    EvaluationResult r = c.evaluate("f", TestDocs.MAPPER.createObjectNode().put("key", unit), null);
    int b = Bucketing.bucket(SALT, "f", unit);
    long aEnd = 3000L * coverage / 10_000;
    long bEnd = 3000 + 7000L * coverage / 10_000;
    if (b < aEnd) {
      assertThat(r.variation()).isEqualTo("v0");
      assertThat(r.reason()).isEqualTo(Reason.SPLIT);
    } else if (b >= 3000 && b < bEnd) {
      assertThat(r.variation()).isEqualTo("v1");
      assertThat(r.reason()).isEqualTo(Reason.SPLIT);
    } else {
      assertThat(r.reason()).isEqualTo(Reason.DEFAULT);
    }
  }
}
