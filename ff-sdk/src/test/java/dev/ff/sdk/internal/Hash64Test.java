package dev.ff.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.ff.core.eval.EvaluationResult;
import dev.ff.core.eval.Reason;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Fingerprints of unit keys and (flag, variation) pairs. */
class Hash64Test {

  @Test
  void manyUnitKeys_haveDistinctFingerprints_whereStringHashCodeCollides() {
    int n = 300_000;
    Set<Long> fingerprints = new HashSet<>();
    Set<Integer> hashCodes = new HashSet<>();
    for (int i = 0; i < n; i++) {
      String unit = "user-" + i;
      fingerprints.add(Hash64.of(unit));
      hashCodes.add(unit.hashCode());
      hashCodes.add(("u" + i + "@example.com").hashCode());
      fingerprints.add(Hash64.of("u" + i + "@example.com"));
    }
    assertThat(fingerprints).hasSize(2 * n);
    assertThat(hashCodes.size()).isLessThan(2 * n); // 32 bits are not enough
  }

  @Property(tries = 2000)
  void equalLengthStringsDifferingInOneWord_neverCollide(
      @ForAll @StringLength(min = 1, max = 40) String s, @ForAll int position, @ForAll char c) {
    int i = Math.floorMod(position, s.length());
    Assume.that(s.charAt(i) != c);
    String t = s.substring(0, i) + c + s.substring(i + 1);
    assertThat(Hash64.of(t)).isNotEqualTo(Hash64.of(s));
  }

  @Property(tries = 2000)
  void fingerprintsAreStableAndNeverZero(@ForAll String s) {
    assertThat(Hash64.of(s)).isEqualTo(Hash64.of(new String(s.toCharArray()))).isNotZero();
  }

  @Test
  void pairs_areNotConfusedByConcatenation_orOrder() {
    assertThat(Hash64.pair("ab", "c")).isNotEqualTo(Hash64.pair("a", "bc"));
    assertThat(Hash64.pair("on", "off")).isNotEqualTo(Hash64.pair("off", "on"));
    assertThat(Hash64.pair("", "x")).isNotEqualTo(Hash64.pair("x", ""));
    assertThat(Hash64.pair("flag", "on")).isEqualTo(Hash64.pair("flag", "on"));
  }

  @Test
  void exposures_ofDistinctUnitsFlagsAndVariations_areDistinct() {
    Set<Long> all = new HashSet<>();
    int n = 0;
    for (int u = 0; u < 20_000; u++) {
      long unit = Hash64.of("user-" + u);
      for (int f = 0; f < 10; f++) {
        for (String v : new String[] {"on", "off", "control", "treatment"}) {
          all.add(Hash64.exposure(unit, Hash64.pair("flag-" + f, v)));
          n++;
        }
      }
    }
    assertThat(all).hasSize(n);
  }

  @Test
  void variationKeys_giveThePairFingerprint_perResultInstance() {
    VariationKeys keys = new VariationKeys();
    EvaluationResult on =
        new EvaluationResult(
            "flag", "on", BooleanNode.TRUE, Reason.DEFAULT, null, false, null, 1, null);
    EvaluationResult sameContent =
        new EvaluationResult(
            "flag", "on", BooleanNode.TRUE, Reason.DEFAULT, null, false, null, 2, null);
    long expected = Hash64.pair("flag", "on");
    assertThat(keys.of(on)).isEqualTo(expected);
    assertThat(keys.of(on)).isEqualTo(expected); // cached
    assertThat(keys.of(sameContent)).isEqualTo(expected); // another instance, another version
    for (int i = 0; i < 3 * VariationKeys.SIZE; i++) { // collisions replace entries, never lie
      EvaluationResult r =
          new EvaluationResult(
              "f" + i, "v", BooleanNode.TRUE, Reason.DEFAULT, null, false, null, 1, null);
      assertThat(keys.of(r)).isEqualTo(Hash64.pair("f" + i, "v"));
    }
    assertThat(keys.of(on)).isEqualTo(expected);
  }
}
