package dev.ff.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SampleRatioMismatchTest {

  @Test
  void test_workedExampleSixByHand() {
    // 50/50 of 10000: E = 5000 each, chi2 = 2·50²/5000 = 1, p = P(χ²_1 ≥ 1) = erfc(1/√2).
    SrmResult even =
        SampleRatioMismatch.test(new long[] {5050, 4950}, new double[] {0.5, 0.5}, 0.001);
    assertThat(even.chi2()).isCloseTo(1.0, within(1e-15));
    assertThat(even.pValue()).isCloseTo(Dist.normalTwoSided(1.0), within(1e-15));
    assertThat(even.srmDetected()).isFalse();
    assertThat(even.expectedCounts()).containsExactly(5000.0, 5000.0);
    // 50/25/25: chi2 = 300²/5000 + 2·150²/2500 = 36, p = exp(−18) (two degrees of freedom).
    SrmResult skew =
        SampleRatioMismatch.test(new long[] {5300, 2350, 2350}, new double[] {2, 1, 1}, 0.001);
    assertThat(skew.chi2()).isCloseTo(36.0, within(1e-12));
    assertThat(skew.df()).isEqualTo(2);
    assertThat(skew.pValue()).isCloseTo(Math.exp(-18), within(1e-12 * Math.exp(-18)));
    assertThat(skew.srmDetected()).isTrue();
  }

  @Test
  void test_noUnitsOrOneArmIsInsufficient() {
    SrmResult none = SampleRatioMismatch.test(new long[] {0, 0, 0}, new double[] {1, 1, 1}, 0.001);
    assertThat(none.status()).isEqualTo(Status.INSUFFICIENT_DATA);
    assertThat(none.df()).isEqualTo(2);
    assertThat(none.pValue()).isEqualTo(1.0);
    assertThat(none.expectedCounts()).isNull();
    SrmResult one = SampleRatioMismatch.test(new long[] {100}, new double[] {1}, 0.001);
    assertThat(one.status()).isEqualTo(Status.INSUFFICIENT_DATA);
    assertThat(one.df()).isZero();
  }

  @Property(tries = 200)
  void test_weightsOnAnyScaleGiveTheSameResult(
      @ForAll @IntRange(min = 0, max = 100000) int a,
      @ForAll @IntRange(min = 0, max = 100000) int b,
      @ForAll @IntRange(min = 1, max = 100000) int c,
      @ForAll @DoubleRange(min = 0.01, max = 1000) double scale) {
    long[] counts = {a, b, c};
    SrmResult unit = SampleRatioMismatch.test(counts, new double[] {0.5, 0.25, 0.25}, 0.001);
    SrmResult scaled =
        SampleRatioMismatch.test(
            counts, new double[] {0.5 * scale, 0.25 * scale, 0.25 * scale}, 0.001);
    assertThat(scaled.chi2()).isCloseTo(unit.chi2(), within(1e-9 * (1 + unit.chi2())));
    assertThat(unit.pValue()).isBetween(0.0, 1.0);
    double total = unit.expectedCounts().stream().mapToDouble(Double::doubleValue).sum();
    assertThat(total).isCloseTo(a + b + c, within(1e-9 * (a + b + c)));
  }

  @Test
  void test_invalidInputNamesTheField() {
    assertThatThrownBy(
            () -> SampleRatioMismatch.test(new long[] {1, 1}, new double[] {1, 0}, 0.001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weights[1]");
    assertThatThrownBy(
            () -> SampleRatioMismatch.test(new long[] {1, -1}, new double[] {1, 1}, 0.001))
        .hasMessageContaining("counts[1]");
    assertThatThrownBy(() -> SampleRatioMismatch.test(new long[] {1, 1}, new double[] {1}, 0.001))
        .hasMessageContaining("weights");
    assertThatThrownBy(() -> SampleRatioMismatch.test(new long[] {1, 1}, new double[] {1, 1}, 1.5))
        .hasMessageContaining("threshold");
    assertThatThrownBy(() -> SampleRatioMismatch.test(new long[0], new double[0], 0.001))
        .hasMessageContaining("counts");
  }
}
